package io.tapeflow.worker.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which file a config came from and the line of each key in it, so checks made after reading (a
 * changer that does not answer) report the line like every other error.
 *
 * @param file the file as named by the operator
 * @param lines the line of every key path read ({@code gateways[0].changer} → 12)
 */
public record ConfigSource(Path file, Map<String, Integer> lines) {
  public ConfigSource {
    lines = Map.copyOf(lines);
  }

  /** An error about a key, on its line. */
  public ConfigError error(String path, String message) {
    return new ConfigError(displayName(file), lines.getOrDefault(path, 0), path, message);
  }

  /** The name errors start with: the file name as given, else the last segment. */
  static String displayName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }
}
