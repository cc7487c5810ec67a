package io.tapeflow.worker.events;

import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.event.SpoolJobEventSink;
import io.tapeflow.bacula.model.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the job-end spool that {@code tapeflow event job-end} writes, at least once: a file moves
 * to {@code done/} only after every tape workflow it names took the signal, so a crash in between
 * forwards it again, which the workflows ignore ({@link JobEventForwarder}). A file that cannot be
 * read as an event moves to {@code rejected/} with one log line saying why; a failure to reach the
 * catalog or Temporal leaves the file for the next round.
 */
public final class JobEventSpool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobEventSpool.class);

  /** What one round did. */
  public record Drained(int forwarded, int rejected, int left) {}

  private final Path dir;
  private final JobEventForwarder forwarder;
  private ScheduledExecutorService timer;

  public JobEventSpool(Path dir, JobEventForwarder forwarder) {
    this.dir = dir;
    this.forwarder = forwarder;
  }

  /** The folder of forwarded events. */
  public Path done() {
    return dir.resolve("done");
  }

  /** The folder of files that are not events. */
  public Path rejected() {
    return dir.resolve("rejected");
  }

  /** Forwards every waiting event, oldest first. */
  public synchronized Drained drain() {
    int forwarded = 0;
    int rejected = 0;
    int left = 0;
    for (Path f : SpoolJobEventSink.files(dir)) {
      JobEndEvent e;
      try {
        e = SpoolJobEventSink.readFile(f);
      } catch (InvalidValueException | UncheckedIOException bad) {
        Path to = moveTo(f, rejected());
        LOG.warn("job-end event {} is not readable, moved to {}: {}", f, to, bad.getMessage());
        rejected++;
        continue;
      }
      try {
        int tapes = forwarder.forward(e);
        moveTo(f, done());
        LOG.info("job {} ended {}: told {} tape(s) of {}", e.job(), e.status(), tapes, e.volumes());
        forwarded++;
      } catch (RuntimeException later) {
        LOG.warn("job-end event {} not delivered yet, retried later: {}", f, later.toString());
        left++;
        // Keep the order: later events of the same tapes wait for this one.
        break;
      }
    }
    return new Drained(forwarded, rejected, left);
  }

  /** Drains now and then every {@code every}, on a thread of its own, until {@link #close()}. */
  public synchronized JobEventSpool start(Duration every) {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tapeflow-job-events");
                t.setDaemon(true);
                return t;
              });
      var unused =
          timer.scheduleWithFixedDelay(
              this::drainLogged, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void drainLogged() {
    try {
      drain();
    } catch (RuntimeException e) {
      LOG.warn("job-end spool {}: {}", dir, e.toString());
    }
  }

  private static Path moveTo(Path f, Path folder) {
    try {
      Files.createDirectories(folder);
      return Files.move(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + f + " to " + folder, e);
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
