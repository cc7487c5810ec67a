package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.TapeflowConfig;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tapeflow tapes show BARCODE}: its record, what it waits for, its last transitions. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one tape.")
final class TapesShowCommand extends OperatorCommand {
  @Parameters(paramLabel = "BARCODE")
  String barcode;

  @Option(names = "--json", description = "JSON for programs.")
  boolean json;

  @Override
  void validate() {
    requireBarcodes(List.of(barcode));
  }

  @Override
  int run(TapeflowConfig c) {
    Optional<TapeRow> r = TapeDirectory.find(temporal(c), barcode);
    if (r.isEmpty()) {
      err().println("tapeflow: no tape " + barcode + " (no workflow tape/" + barcode + ")");
      return 1;
    }
    out().print(json ? TapeViews.showJson(r.get()) + "\n" : TapeViews.showText(r.get()));
    return 0;
  }
}
