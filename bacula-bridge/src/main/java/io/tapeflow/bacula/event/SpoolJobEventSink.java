package io.tapeflow.bacula.event;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.VolumeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores each event as one small file in a spool directory: written to a temporary name, then
 * renamed, so a reader sees whole events only. The format is {@code key=value} lines (values are
 * validated and hold no line breaks); {@link #read} reads it back.
 */
public final class SpoolJobEventSink implements JobEventSink {
  private final Path dir;

  public SpoolJobEventSink(Path dir) {
    this.dir = dir;
  }

  @Override
  public void accept(JobEndEvent e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("event", "job-end");
    m.put("job", e.job().toString());
    m.put("status", e.status());
    m.put("volumes", e.volumes().stream().map(VolumeName::value).collect(Collectors.joining(",")));
    if (e.name() != null) {
      m.put("name", e.name());
    }
    if (e.type() != null) {
      m.put("type", e.type());
    }
    if (e.client() != null) {
      m.put("client", e.client());
    }
    m.put("at", e.at().toString());
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    String base =
        "job-end-" + e.job() + "-" + e.at().toEpochMilli() + "-" + ProcessHandle.current().pid();
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + base + ".tmp");
      Files.writeString(tmp, b, StandardCharsets.UTF_8);
      Path target = dir.resolve(base + ".event");
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException ex) {
        Files.move(tmp, target);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the job-end event to " + dir, ex);
    }
  }

  /** The event files waiting in a spool directory, oldest first (by file name). */
  public static List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "job-end-*.event")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    files.sort(null);
    return files;
  }

  /** The events in a spool directory, oldest first (by file name). */
  public static List<JobEndEvent> read(Path dir) {
    List<JobEndEvent> out = new ArrayList<>();
    for (Path f : files(dir)) {
      out.add(readFile(f));
    }
    return out;
  }

  /**
   * One event file.
   *
   * @throws InvalidValueException naming the file and what is wrong in it
   * @throws UncheckedIOException if it cannot be read
   */
  public static JobEndEvent readFile(Path f) {
    Map<String, String> m = new LinkedHashMap<>();
    try {
      for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        int eq = l.indexOf('=');
        if (eq > 0) {
          m.put(l.substring(0, eq), l.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
    try {
      if (!"job-end".equals(m.get("event"))) {
        throw new InvalidValueException("event is not job-end");
      }
      if (m.get("at") == null) {
        throw new InvalidValueException("at is missing");
      }
      return new JobEndEvent(
          JobId.parse(m.get("job")),
          m.get("status"),
          JobEndEvent.volumeList(m.get("volumes")),
          m.get("name"),
          m.get("type"),
          m.get("client"),
          Instant.parse(m.get("at")));
    } catch (InvalidValueException | DateTimeParseException e) {
      throw new InvalidValueException(f.getFileName() + ": " + e.getMessage());
    }
  }
}
