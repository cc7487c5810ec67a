package io.tapeflow.bacula.model;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A job with data on a volume, from the catalog: what an archived tape's manifest lists.
 *
 * @param ended the job's EndTime in the catalog's local time (Bacula writes local time), or null
 *     when the catalog has none (a job still running)
 */
public record VolumeJob(
    JobId job,
    String name,
    String client,
    String level,
    long bytes,
    long files,
    LocalDateTime ended) {

  /** {@link #ended}, when the catalog has it. */
  public Optional<LocalDateTime> endTime() {
    return Optional.ofNullable(ended);
  }
}
