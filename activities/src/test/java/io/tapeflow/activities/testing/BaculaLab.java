package io.tapeflow.activities.testing;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.changer.ChangerService;
import io.tapeflow.bacula.changer.FileDriveReadiness;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.bacula.console.BconsoleClient;
import io.tapeflow.bacula.console.BconsoleSettings;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import io.tapeflow.bacula.testing.Scripts;
import io.tapeflow.changer.testing.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private Bacula 9.6 started by {@code infra/bin/bacula up} (Director, storage daemon, file
 * daemon and tapeflow's changer service on 127.0.0.1, free ports) driving the emulator's library;
 * {@link #close} runs {@code down}, which stops exactly those processes.
 */
public final class BaculaLab implements AutoCloseable {
  private final Path dir;
  private final Map<String, String> env;
  private final ChangerService service;

  private BaculaLab(Path dir, Map<String, String> env, ChangerService service) {
    this.dir = dir;
    this.env = env;
    this.service = service;
  }

  /**
   * Starts Bacula for the emulator's library.
   *
   * @param extra more options of {@code infra/bin/bacula up}
   */
  public static BaculaLab start(Path dir, EmulatedGateway gw, int drives, String... extra) {
    // The storage daemon's Changer Command asks tapeflow's changer service, run here in-process.
    Path socket = dir.resolveSibling(dir.getFileName() + ".sock");
    ChangerService service;
    try {
      service =
          new ChangerService(
                  socket,
                  StandardChangerOpener.INSTANCE,
                  gw.locks(),
                  new FileDriveReadiness(Duration.ofSeconds(60), Duration.ofMillis(10)))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                script().toString(),
                "up",
                "--dir",
                dir.toString(),
                "--changer-device",
                gw.changerUri(),
                "--media",
                gw.media().toString(),
                "--drives",
                Integer.toString(drives),
                "--lock-dir",
                gw.locks().toString(),
                "--changer-socket",
                socket.toString(),
                "--classpath",
                System.getProperty("java.class.path")));
    cmd.addAll(List.of(extra));
    try {
      Scripts.run(cmd, 600);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return new BaculaLab(dir, Scripts.readEnv(dir.resolve("bacula.env")), service);
  }

  private static Path script() {
    return RepoRoot.find().resolve("infra/bin/bacula");
  }

  public String env(String key) {
    String v = env.get(key);
    if (v == null) {
      throw new IllegalStateException("bacula.env has no " + key);
    }
    return v;
  }

  /** A console to the lab's director. */
  public BaculaConsole console() {
    return new BaculaConsole(client());
  }

  /** The test-side commands to the lab's director (run a backup, purge, ...). */
  public BaculaTestConsole testConsole() {
    return new BaculaTestConsole(client());
  }

  private BconsoleClient client() {
    return new BconsoleClient(
        BconsoleSettings.of(Path.of(env("BCONSOLE_CONF"))).withTimeout(Duration.ofMinutes(3)));
  }

  @Override
  public void close() {
    try {
      Scripts.run(List.of(script().toString(), "down", "--dir", dir.toString()), 600);
    } finally {
      service.close();
    }
  }
}
