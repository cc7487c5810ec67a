package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.PoolConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.workflows.lifecycle.TapeState;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow tapes list}: the tapes, by barcode. {@code --pool} names a configured pool; tapes
 * carry their gateway and AWS pool (not their Bacula pool) in their search attributes, so the
 * filter is that pool's gateway and shelf.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the tapes.")
final class TapesListCommand extends OperatorCommand {
  @Option(names = "--state", paramLabel = "S", description = "Only tapes in this state.")
  TapeState state;

  @Option(names = "--pool", paramLabel = "P", description = "Only tapes of this configured pool.")
  String pool;

  @Option(names = "--json", description = "JSON for programs.")
  boolean json;

  @Override
  int run(TapeflowConfig c) {
    Optional<PoolConfig> p = Optional.ofNullable(pool).map(n -> Pools.require(c, n));
    List<TapeRow> rows =
        TapeDirectory.list(
            temporal(c),
            Optional.ofNullable(state),
            p.map(x -> x.shelf().poolId()),
            p.map(PoolConfig::gateway));
    out().print(json ? TapeViews.listJson(rows) + "\n" : TapeViews.listText(rows));
    return 0;
  }
}
