package io.tapeflow.worker.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the Temporal CLI's dev server: the binary, the state folder (its SQLite file, pid file
 * and log), the gRPC and UI ports on 127.0.0.1, the namespace and the search attributes to register
 * at start.
 */
public record DevServerOptions(
    Path binary,
    Path state,
    int port,
    int uiPort,
    String namespace,
    Map<String, IndexedValueType> searchAttributes,
    Duration startTimeout) {

  public DevServerOptions {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(startTimeout, "startTimeout");
    searchAttributes = Map.copyOf(searchAttributes);
    if (port < 1 || port > 65535 || uiPort < 1 || uiPort > 65535 || port == uiPort) {
      throw new IllegalArgumentException(
          "dev server ports must be two different ports 1..65535, got " + port + " and " + uiPort);
    }
  }

  /** The SQLite file that holds every workflow. */
  public Path database() {
    return state.resolve("temporal.db");
  }

  /** The pid of the running server, so a restarted worker adopts it. */
  public Path pidFile() {
    return state.resolve("temporal.pid");
  }

  /** The server's own output (warnings and errors). */
  public Path logFile() {
    return state.resolve("temporal.log");
  }

  /** {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** The command line, bound to 127.0.0.1 only, with tapeflow's search attributes. */
  public List<String> command() {
    List<String> c = new ArrayList<>();
    c.add(binary.toString());
    c.addAll(List.of("server", "start-dev", "--db-filename", database().toString()));
    c.addAll(List.of("--ip", "127.0.0.1", "--port", Integer.toString(port)));
    c.addAll(List.of("--ui-ip", "127.0.0.1", "--ui-port", Integer.toString(uiPort)));
    if (!namespace.equals("default")) {
      c.addAll(List.of("--namespace", namespace));
    }
    searchAttributes.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> c.addAll(List.of("--search-attribute", e.getKey() + "=" + cliType(e.getValue()))));
    c.addAll(List.of("--log-level", "warn", "--ui-disable-news-fetch"));
    return c;
  }

  /** The CLI's name of an attribute type ({@code Keyword}, {@code Datetime}, …). */
  static String cliType(IndexedValueType t) {
    return switch (t) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("no dev server type for " + t);
    };
  }

  /**
   * The {@code temporal} binary: the configured one, else the first on {@code path} (the PATH
   * variable's value).
   *
   * @throws IllegalStateException saying how to install it when there is none
   */
  public static Path findBinary(Optional<Path> configured, String path) {
    if (configured.isPresent()) {
      if (!Files.isExecutable(configured.get())) {
        throw new IllegalStateException(
            "temporal.devServer.binary " + configured.get() + " is not an executable file");
      }
      return configured.get();
    }
    for (String dir : (path == null ? "" : path).split(File.pathSeparator, -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "temporal"))) {
        return Path.of(dir, "temporal");
      }
    }
    throw new IllegalStateException(
        "no 'temporal' binary on PATH for temporal.mode dev-server: install the Temporal CLI"
            + " and put it on PATH or name it in temporal.devServer.binary, or use temporal.mode"
            + " embedded");
  }
}
