package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.TapeflowConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapeflow status}: the library map, the shelf by pool, the operations in flight. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "The library map, the shelf by pool and the operations in flight.")
public final class StatusCommand extends OperatorCommand {
  @Option(names = "--json", description = "JSON for programs.")
  boolean json;

  @Override
  int run(TapeflowConfig c) {
    List<TapeRow> rows =
        TapeDirectory.list(temporal(c), Optional.empty(), Optional.empty(), Optional.empty());
    Instant now = Instant.now();
    out()
        .print(
            json ? TapeViews.json(StatusView.tree(rows, now)) + "\n" : StatusView.text(rows, now));
    return 0;
  }
}
