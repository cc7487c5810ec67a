package io.tapeflow.worker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the Temporal API key is kept: a file or an environment variable, never the YAML. {@link
 * #toString()} names the source, never the key.
 */
public final class ApiKey {
  private final String source;
  private final Supplier<String> value;

  private ApiKey(String source, Supplier<String> value) {
    this.source = source;
    this.value = value;
  }

  /** The key in a file (surrounding white space ignored), read each time it is asked for. */
  public static ApiKey fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new ApiKey(
        "file " + file,
        () -> {
          try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Temporal API key file " + file, e);
          }
        });
  }

  /** The key in an environment variable, captured when the config was read. */
  public static ApiKey fromEnvironment(String variable, String key) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(key, "key");
    return new ApiKey("environment variable " + variable, key::strip);
  }

  /** The key. Never print it. */
  public String read() {
    return value.get();
  }

  /** Where the key comes from, e.g. {@code file /etc/tapeflow/temporal.key}. */
  @Override
  public String toString() {
    return source;
  }
}
