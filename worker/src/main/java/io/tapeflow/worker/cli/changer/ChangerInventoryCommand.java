package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tapeflow changer inventory}: re-scan, then one line per element. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the library to re-scan every element (INITIALIZE ELEMENT STATUS, or mtx",
      "inventory; minutes on a physical library, instant on a virtual one), then print",
      "one line per element for scripts:",
      "  TYPE ADDRESS full|empty BARCODE|- SOURCE|-",
      "e.g. 'STORAGE 20001 full TAP964B33 -'. Use it after someone opened the library",
      "or when 'status' looks stale; 'status' only reads what the library already knows."
    })
final class ChangerInventoryCommand implements Callable<Integer> {
  @ParentCommand ChangerCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ChangerTarget target;

  @Override
  public Integer call() {
    Inventory inv;
    try (MediumChanger changer = parent.open(target)) {
      changer.initializeElementStatus();
      inv = changer.inventory();
    }
    spec.commandLine().getOut().print(LibraryMap.lines(inv));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
