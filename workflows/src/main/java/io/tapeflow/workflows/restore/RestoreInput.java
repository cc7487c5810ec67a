package io.tapeflow.workflows.restore;

import io.tapeflow.workflows.common.RequestIds;
import io.tapeflow.workflows.common.TaskQueues;
import java.time.Duration;
import java.util.Objects;

/**
 * What to restore.
 *
 * @param requestId names the restore (workflow id {@code restore/<requestId>}); also the request id
 *     of the tapes' retrievals and holds
 * @param director the Bacula director
 * @param backupJobId the backup job whose files are restored
 * @param client the client to restore to, or null for the job's own
 * @param where where on the client, or null for the director's default
 * @param hold how long a retrieved copy stays online at most (it is released earlier when the
 *     restore ends)
 * @param readyTimeout how long to wait for the copies to come online (Deep Archive: 12 hours)
 */
public record RestoreInput(
    String requestId,
    String director,
    long backupJobId,
    String client,
    String where,
    Duration hold,
    Duration readyTimeout) {
  public RestoreInput {
    RequestIds.require(requestId);
    TaskQueues.requireName("director", director);
    if (backupJobId <= 0) {
      throw new IllegalArgumentException("JobId must be positive, got " + backupJobId);
    }
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
  }
}
