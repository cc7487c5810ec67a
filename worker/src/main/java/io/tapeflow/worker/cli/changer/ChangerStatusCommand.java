package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tapeflow changer status}: the library map. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the library: drives first, then storage and I/E slots (full ones listed,",
      "runs of empty ones compressed), with counts of full and empty. Reads the library's",
      "element status as it is now; takes no lock and moves nothing."
    })
final class ChangerStatusCommand implements Callable<Integer> {
  @ParentCommand ChangerCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ChangerTarget target;

  @Option(
      names = "--json",
      description = {
        "Print {\"elements\":[{\"type\":…,\"address\":N,\"full\":…,\"barcode\":…|null,"
            + "\"source\":N|null}]} instead."
      })
  boolean json;

  @Override
  public Integer call() {
    Inventory inv;
    try (MediumChanger changer = parent.open(target)) {
      inv = changer.inventory();
    }
    spec.commandLine()
        .getOut()
        .print(json ? LibraryMap.json(inv) + "\n" : LibraryMap.text(target.uri.toString(), inv));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
