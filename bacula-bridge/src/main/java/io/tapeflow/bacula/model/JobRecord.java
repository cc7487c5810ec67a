package io.tapeflow.bacula.model;

import java.util.Objects;

/**
 * A catalog Job record as {@code llist jobid=} prints it (the fields tapeflow uses).
 *
 * @param id JobId
 * @param name the Job resource name
 * @param type B backup, R restore, ...
 * @param level F, I, D, or blank
 * @param status the catalog JobStatus
 * @param files JobFiles
 * @param bytes JobBytes
 * @param errors JobErrors
 */
public record JobRecord(
    JobId id,
    String name,
    String type,
    String level,
    JobStatus status,
    long files,
    long bytes,
    long errors) {

  public JobRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }
}
