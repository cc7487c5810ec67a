package io.tapeflow.bacula.console;

import io.tapeflow.bacula.BconsoleOutputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bconsole once per command, the non-interactive pattern that survives bconsole's quirks: a
 * private {@code HOME}, {@code -n}, stdin written in full then closed, stdout and stderr merged, a
 * process timeout of our own, and {@code @echo} markers around the command so the reply is known to
 * be complete. bconsole's exit code only tells whether a session was established; everything else
 * is read from the output ({@link Transcript}). Thread-safe; each call is its own process.
 */
public final class BconsoleClient implements Bconsole {
  private static final Logger LOG = LoggerFactory.getLogger(BconsoleClient.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BconsoleSettings settings;
  private final Path home;
  private final String where;

  public BconsoleClient(BconsoleSettings settings) {
    this.settings = settings;
    this.home = settings.home() != null ? settings.home() : privateHome();
    this.where = DirectorAddress.describe(settings.config());
  }

  private static Path privateHome() {
    try {
      return Files.createTempDirectory("tapeflow-bconsole-home");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a private HOME for bconsole", e);
    }
  }

  @Override
  public BconsoleReply execute(BconsoleCommand command) {
    String nonce = HexFormat.of().formatHex(bytes());
    String begin = "TAPEFLOW-BEGIN-" + nonce;
    String end = "TAPEFLOW-END-" + nonce;
    StringBuilder stdin = new StringBuilder();
    for (String m : command.modes()) {
      stdin.append(m).append('\n');
    }
    stdin.append("@echo ").append(begin).append('\n');
    stdin.append(command.line()).append('\n');
    for (String a : command.answers()) {
      stdin.append(a).append('\n');
    }
    stdin.append("@echo ").append(end).append('\n');

    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(settings.executable().toString(), "-n", "-c", settings.config().toString()))
            .redirectErrorStream(true)
            .directory(home.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.remove("BCONSOLE_CONF");
    long start = System.nanoTime();
    LOG.debug("bconsole: {}", command.line());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new BconsoleOutputException(
          "cannot run "
              + settings.executable()
              + " ("
              + e.getMessage()
              + "); install bacula-console or set the bconsole path");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(p.getInputStream(), out), "bconsole-output");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.toString().getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      // bconsole went away before reading its input (e.g. no Director); its output says why.
      LOG.debug("bconsole closed its input early: {}", e.toString());
    }
    boolean timedOut = false;
    int exit;
    try {
      if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        p.destroy();
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor();
        }
      }
      exit = timedOut ? -1 : p.exitValue();
      reader.join(5000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BconsoleOutputException(
          "interrupted while waiting for bconsole: " + command.line());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String output;
    synchronized (out) {
      // ISO-8859-1: the storage daemon's .status output carries stray non-ASCII bytes.
      output = out.toString(StandardCharsets.ISO_8859_1);
    }
    LOG.debug("bconsole exit {} after {} ms", exit, elapsed.toMillis());
    return Transcript.reply(
        output, command, begin, end, exit, timedOut, elapsed, settings.timeout(), where);
  }

  private static byte[] bytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      LOG.debug("bconsole output closed: {}", e.toString());
    }
  }

  /** The settings this client runs with. */
  public BconsoleSettings settings() {
    return settings;
  }
}
