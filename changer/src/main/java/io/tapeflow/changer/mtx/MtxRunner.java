package io.tapeflow.changer.mtx;

import io.tapeflow.changer.scsi.ScsiTransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mtx -f DEVICE ARGS…} as a child process: no shell, arguments passed as they are, the
 * environment of this process plus the given additions (e.g. {@code LD_PRELOAD} for tests), both
 * output streams read to the end, a timeout after which the child (and only it) is killed.
 */
public final class MtxRunner {

  /** What one mtx run printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, stdout first, for matching messages. */
    public String output() {
      return stdout + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n") + stderr;
    }
  }

  private final Path executable;
  private final Map<String, String> environment;

  /**
   * @param executable the mtx program ({@code mtx} is looked up on the PATH)
   * @param environment variables added to (or replacing) this process's environment
   */
  public MtxRunner(Path executable, Map<String, String> environment) {
    this.executable = executable;
    this.environment = Map.copyOf(environment);
  }

  public Path executable() {
    return executable;
  }

  /**
   * Runs mtx and waits for it.
   *
   * @throws ScsiTransportException when mtx cannot be started (not retryable) or runs longer than
   *     {@code timeout} (retryable: its outcome is unknown, callers re-read the inventory)
   */
  public Result run(Path device, List<String> args, Duration timeout) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    cmd.add("-f");
    cmd.add(device.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(environment);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ScsiTransportException(
          "cannot run "
              + executable
              + " ("
              + e.getMessage()
              + "); install the Debian package mtx or give the path of the mtx program",
          false,
          e);
    }
    Drain out = new Drain(p.getInputStream(), "mtx-stdout");
    Drain err = new Drain(p.getErrorStream(), "mtx-stderr");
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new ScsiTransportException(
            String.join(" ", cmd)
                + " did not finish within "
                + timeout.toSeconds()
                + " s and was stopped; its outcome is unknown, read the inventory before retrying",
            true);
      }
      return new Result(p.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ScsiTransportException(
          "interrupted while waiting for " + String.join(" ", cmd), true, e);
    }
  }

  /** Reads one stream to its end on its own thread. */
  private static final class Drain {
    private final Thread thread;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile IOException failure;

    Drain(InputStream in, String name) {
      thread =
          new Thread(
              () -> {
                try (in) {
                  in.transferTo(buffer);
                } catch (IOException e) {
                  failure = e;
                }
              },
              name);
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      if (failure != null) {
        throw new UncheckedIOException("reading mtx output failed", failure);
      }
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
