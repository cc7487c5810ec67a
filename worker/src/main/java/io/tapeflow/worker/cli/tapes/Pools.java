package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.PoolConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import java.util.stream.Collectors;

/** Configured pools by name. */
final class Pools {
  private Pools() {}

  /** The pool named so, or a {@link UsageException} listing the configured ones. */
  static PoolConfig require(TapeflowConfig c, String name) {
    return c.pools().stream()
        .filter(p -> p.name().value().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown pool '"
                        + name
                        + "': the configured pools are "
                        + c.pools().stream()
                            .map(p -> p.name().value())
                            .collect(Collectors.joining(", "))));
  }
}
