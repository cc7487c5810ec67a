package io.tapeflow.worker.config;

import java.util.Objects;

/**
 * One thing wrong in the config file, printed as one line: {@code tapeflow.yaml:7: gateways[0].arn:
 * 'sgw-1' is not a gateway ARN (…)}.
 *
 * @param file the file's name as the operator wrote it
 * @param line the 1-based line, or 0 when the error is about the whole file
 * @param path the key path ({@code gateways[0].arn}), or empty for the whole file
 * @param message what is wrong and what is expected; never a secret's value
 */
public record ConfigError(String file, int line, String path, String message) {
  public ConfigError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file
        + (line > 0 ? ":" + line : "")
        + ": "
        + (path.isEmpty() ? "" : path + ": ")
        + message.replace('\n', ' ');
  }
}
