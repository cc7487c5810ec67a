package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Restore the files of one backup job.
 *
 * @param director the director's configured name
 * @param backupJobId the backup job whose files are restored
 * @param client the client to restore to, or null for the job's own client
 * @param where the directory to restore into on the client, or null for the restore job's default
 * @param requestId names this request; a restore already started for it is not started again
 */
public record RestoreJobRequest(
    String director, long backupJobId, String client, String where, String requestId) {
  public RestoreJobRequest {
    TaskQueues.requireName("director", director);
    if (backupJobId <= 0) {
      throw new IllegalArgumentException("JobId must be positive, got " + backupJobId);
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
