package io.tapeflow.worker.temporal;

import io.tapeflow.worker.config.TemporalConfig;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the Temporal of the configured mode (DESIGN, "three Temporal modes") and makes sure
 * tapeflow's search attributes exist there: {@code dev-server} starts or adopts the CLI's dev
 * server under the state folder, {@code cluster} connects, {@code embedded} runs the Java test
 * server in this JVM on {@code devServer.port}, so other processes (the CLI) reach it the same way.
 */
public final class TemporalModes {
  static final Duration DEV_SERVER_START = Duration.ofSeconds(60);

  private TemporalModes() {}

  /**
   * Connects as configured.
   *
   * @param state the state folder (the dev server's SQLite file, pid file and log)
   * @param path the PATH to look for the {@code temporal} binary on when none is configured
   */
  public static TemporalConnection connect(TemporalConfig t, Path state, String path) {
    TemporalConnection c =
        switch (t.mode()) {
          case DEV_SERVER ->
              TemporalConnection.devServer(
                  DevServer.start(devServerOptions(t, state, path)), t.namespace());
          case CLUSTER ->
              TemporalConnection.cluster(
                  t.address().orElseThrow(), t.namespace(), t.tls(), t.apiKey());
          case EMBEDDED -> TemporalConnection.embedded(t.devServer().port());
        };
    try {
      SearchAttributeRegistry.ensure(c);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The dev server's options for this config. */
  public static DevServerOptions devServerOptions(TemporalConfig t, Path state, String path) {
    return new DevServerOptions(
        DevServerOptions.findBinary(t.devServer().binary(), path),
        state,
        t.devServer().port(),
        t.devServer().uiPort(),
        t.namespace(),
        TapeSearchAttributes.definitions(),
        DEV_SERVER_START);
  }
}
