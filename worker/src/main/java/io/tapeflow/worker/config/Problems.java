package io.tapeflow.worker.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every error of one config file, so an operator sees them all at once. */
final class Problems {
  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();
  private final Map<String, Integer> lines = new LinkedHashMap<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(int line, String path, String message) {
    errors.add(new ConfigError(file, line, path, message));
  }

  /** Remembers the line of a key path that was read. */
  void line(String path, int line) {
    lines.put(path, line);
  }

  /** The line of every key path read. */
  Map<String, Integer> lines() {
    return lines;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  int count() {
    return errors.size();
  }

  /** The errors in file order (those about the whole file first). */
  List<ConfigError> errors() {
    List<ConfigError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(ConfigError::line));
    return List.copyOf(sorted);
  }

  /** Throws the collected errors, if any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors());
    }
  }
}
