package io.tapeflow.bacula.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run bconsole.
 *
 * @param executable the bconsole binary
 * @param config its configuration file (Director address, port, password)
 * @param timeout how long one command may take before the process is killed; bconsole's own {@code
 *     -u} is not used because it stops silently with exit code 0
 * @param home the directory given to bconsole as {@code HOME}, so no {@code ~/.bconsolerc} runs and
 *     no history is written elsewhere; null lets the client make a private one
 */
public record BconsoleSettings(Path executable, Path config, Duration timeout, Path home) {
  public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/sbin/bconsole");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  public BconsoleSettings {
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("bconsole timeout must be positive, got " + timeout);
    }
  }

  /** The Debian bconsole with this configuration file and the default timeout. */
  public static BconsoleSettings of(Path config) {
    return new BconsoleSettings(DEFAULT_EXECUTABLE, config, DEFAULT_TIMEOUT, null);
  }

  public BconsoleSettings withTimeout(Duration t) {
    return new BconsoleSettings(executable, config, t, home);
  }

  public BconsoleSettings withExecutable(Path e) {
    return new BconsoleSettings(e, config, timeout, home);
  }
}
