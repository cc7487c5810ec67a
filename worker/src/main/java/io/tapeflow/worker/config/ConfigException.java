package io.tapeflow.worker.config;

import java.util.List;

/** The config file is not usable: every error found, in file order, each one line. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf
  private final List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.isEmpty() ? "invalid config" : errors.get(0) + more(errors.size()));
    this.errors = List.copyOf(errors);
  }

  private static String more(int n) {
    return n > 1 ? " (and " + (n - 1) + " more: run 'tapeflow config check')" : "";
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
