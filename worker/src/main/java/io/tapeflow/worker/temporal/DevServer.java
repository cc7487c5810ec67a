package io.tapeflow.worker.temporal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal CLI's dev server ({@code temporal server start-dev}) run for the worker: the real
 * Temporal server, its SQLite file in the state folder, gRPC and UI on 127.0.0.1. {@link #start}
 * adopts the server a previous worker left running (its pid file) or starts one, waits until the
 * namespace answers, and supervises it: if it dies it is started again on the same file. {@link
 * #close()} stops it. A worker killed with -9 leaves it running, with every workflow, for the next
 * worker to adopt. The owner closes it on SIGTERM (the worker's shutdown hook), after its workers
 * have stopped.
 */
public final class DevServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevServer.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final DevServerOptions options;
  private final boolean adopted;
  private volatile ProcessHandle process;
  private volatile boolean closing;
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile CompletableFuture<Void> watch;
  private volatile Duration lastStart;

  private DevServer(DevServerOptions options, ProcessHandle process, boolean adopted, Duration t) {
    this.options = options;
    this.process = process;
    this.adopted = adopted;
    this.lastStart = t;
  }

  /** Adopts the server this state folder's pid file names, or starts one; returns once ready. */
  public static DevServer start(DevServerOptions options) {
    try {
      Files.createDirectories(options.state());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state folder " + options.state(), e);
    }
    long t0 = System.nanoTime();
    Optional<ProcessHandle> running = adoptable(options);
    DevServer s;
    if (running.isPresent()) {
      DevServerReadiness.await(options, running.get());
      s = new DevServer(options, running.get(), true, Duration.ofNanos(System.nanoTime() - t0));
      LOG.info(
          "adopted the Temporal dev server pid {} on {}", running.get().pid(), options.address());
    } else {
      ProcessHandle p = launch(options);
      s = new DevServer(options, p, false, Duration.ofNanos(System.nanoTime() - t0));
      LOG.info(
          "started the Temporal dev server pid {} on {} in {} ms (UI http://127.0.0.1:{})",
          p.pid(),
          options.address(),
          s.lastStart.toMillis(),
          options.uiPort());
    }
    s.supervise(s.process);
    return s;
  }

  /** The server named by the pid file, if it is alive and is this state folder's dev server. */
  private static Optional<ProcessHandle> adoptable(DevServerOptions o) {
    try {
      if (!Files.exists(o.pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(o.pidFile(), StandardCharsets.US_ASCII).strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p -> {
                List<String> args = List.of(p.info().arguments().orElse(new String[0]));
                return args.contains("start-dev")
                    && args.contains(o.database().toString())
                    && args.contains(Integer.toString(o.port()));
              });
    } catch (IOException | NumberFormatException e) {
      LOG.warn("ignoring the unreadable pid file {}: {}", o.pidFile(), e.toString());
      return Optional.empty();
    }
  }

  private static ProcessHandle launch(DevServerOptions o) {
    requireFree(o.port(), "temporal.devServer.port");
    requireFree(o.uiPort(), "temporal.devServer.uiPort");
    Process p;
    try {
      p =
          new ProcessBuilder(o.command())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(o.logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + o.binary(), e);
    }
    ProcessHandle h = p.toHandle();
    try {
      DevServerReadiness.await(o, h);
      writePidFile(o, h.pid());
    } catch (RuntimeException e) {
      h.destroyForcibly();
      throw e;
    }
    return h;
  }

  private static void requireFree(int port, String key) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "port " + port + " on 127.0.0.1 is used by another program: choose another " + key, e);
    }
  }

  static void writePidFile(DevServerOptions o, long pid) {
    try {
      var tmp = o.pidFile().resolveSibling("temporal.pid.tmp");
      Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
      Files.move(
          tmp, o.pidFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + o.pidFile(), e);
    }
  }

  /** Restarts the server when it dies, unless it is being stopped; backs off if it keeps dying. */
  private void supervise(ProcessHandle watched) {
    watch =
        watched
            .onExit()
            .thenRun(
                () -> {
                  if (!closing) {
                    Thread t = new Thread(() -> restart(watched), "temporal-dev-server-restart");
                    t.setDaemon(true);
                    t.start();
                  }
                });
  }

  private void restart(ProcessHandle dead) {
    int failures = 0;
    while (!closing && process == dead) {
      Duration wait = backoff(failures++);
      LOG.warn(
          "the Temporal dev server pid {} died; starting it again in {} ms on {}",
          dead.pid(),
          wait.toMillis(),
          options.database());
      sleep(wait);
      if (closing) {
        return;
      }
      try {
        long t0 = System.nanoTime();
        ProcessHandle next = launch(options);
        lastStart = Duration.ofNanos(System.nanoTime() - t0);
        process = next;
        restarts.incrementAndGet();
        LOG.info("the Temporal dev server runs again, pid {}", next.pid());
        supervise(next);
        return;
      } catch (RuntimeException e) {
        LOG.error("cannot start the Temporal dev server again: {}", e.getMessage());
      }
    }
  }

  private static Duration backoff(int failures) {
    long ms = 250L << Math.min(failures, 7);
    return Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code 127.0.0.1:port} of the gRPC frontend. */
  public String address() {
    return options.address();
  }

  /** The Web UI. */
  public String uiAddress() {
    return "http://127.0.0.1:" + options.uiPort();
  }

  /** The server process now. */
  public long pid() {
    return process.pid();
  }

  /** Whether the first server was a previous worker's, adopted rather than started. */
  public boolean adopted() {
    return adopted;
  }

  /** How many times the server was started again after it died. */
  public int restarts() {
    return restarts.get();
  }

  /** How long the last start (or adoption) took until the namespace answered. */
  public Duration lastStart() {
    return lastStart;
  }

  public DevServerOptions options() {
    return options;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 15 s) and forgets its pid file. */
  @Override
  public void close() {
    stop();
  }

  private synchronized void stop() {
    if (closing && !process.isAlive()) {
      return;
    }
    closing = true;
    watch.cancel(false);
    ProcessHandle p = process;
    p.destroy();
    try {
      p.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("the Temporal dev server pid {} did not stop on SIGTERM; killing it", p.pid());
      p.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    try {
      Files.deleteIfExists(options.pidFile());
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", options.pidFile(), e.toString());
    }
  }
}
