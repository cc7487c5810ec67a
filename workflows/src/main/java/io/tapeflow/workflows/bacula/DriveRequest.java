package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Act on one drive of an autochanger.
 *
 * @param director the director's configured name
 * @param storage the autochanger's Storage resource
 * @param drive the drive index
 * @param requestId names this request; the same id on a retry
 */
public record DriveRequest(String director, String storage, int drive, String requestId) {
  public DriveRequest {
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    if (drive < 0) {
      throw new IllegalArgumentException("drive index must be 0 or more, got " + drive);
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
