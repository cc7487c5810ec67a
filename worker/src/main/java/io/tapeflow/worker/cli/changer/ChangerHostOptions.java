package io.tapeflow.worker.cli.changer;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every command that drives a changer for Bacula's storage daemon shares ({@code
 * changer-command}, {@code changer-service}): where the host-wide lock lives and how long a load
 * waits for its drive. A picocli mixin.
 */
public final class ChangerHostOptions {
  @Option(
      names = "--lock-dir",
      defaultValue = "/run/tapeflow/locks",
      description = "The host-wide changer lock directory (default: ${DEFAULT-VALUE}).")
  Path lockDir;

  @Option(
      names = "--ready-timeout",
      defaultValue = "60000",
      description =
          "After a load, how long to wait (ms) for the drive to lead to the tape (default:"
              + " ${DEFAULT-VALUE}).")
  long readyTimeoutMillis;

  /** The host-wide changer lock directory. */
  public Path lockDir() {
    return lockDir;
  }

  /** How long a load waits for its drive. */
  public Duration readyTimeout() {
    return Duration.ofMillis(readyTimeoutMillis);
  }
}
