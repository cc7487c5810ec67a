package io.tapeflow.workflows.restore;

import java.util.List;

/**
 * How a restore ended.
 *
 * @param requestId the restore
 * @param volumes the volumes the job needed
 * @param retrieved of those, the ones brought back from the shelf for it
 * @param restoreJobId Bacula's restore job
 * @param jobStatus its JobStatus letter
 * @param files files restored
 * @param bytes bytes restored
 */
public record RestoreResult(
    String requestId,
    List<String> volumes,
    List<String> retrieved,
    long restoreJobId,
    String jobStatus,
    long files,
    long bytes) {
  public RestoreResult {
    volumes = List.copyOf(volumes);
    retrieved = List.copyOf(retrieved);
  }
}
