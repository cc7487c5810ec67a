package io.tapeflow.worker.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the workflows live (DESIGN, "three Temporal modes"); {@code temporal.mode}. */
public enum TemporalMode {
  /** The Temporal CLI's dev server, started and supervised by the worker; SQLite under state. */
  DEV_SERVER,
  /** A Temporal cluster or Temporal Cloud at {@code temporal.address}. */
  CLUSTER,
  /** The Java test server in the worker's JVM; keeps nothing across a restart. */
  EMBEDDED;

  /** The spelling in the YAML file: {@code dev-server}, {@code cluster}, {@code embedded}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The mode a config value names.
   *
   * @throws IllegalArgumentException naming the value and the three choices
   */
  public static TemporalMode parse(String text) {
    for (TemporalMode m : values()) {
      if (m.configName().equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a mode: use "
            + Arrays.stream(values())
                .map(TemporalMode::configName)
                .collect(Collectors.joining(", ")));
  }
}
