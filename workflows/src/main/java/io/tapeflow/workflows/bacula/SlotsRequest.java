package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Run {@code update slots} on an autochanger.
 *
 * @param director the director's configured name
 * @param storage the Bacula Storage resource of the autochanger
 * @param drive the drive index to name in the command (Bacula wants one)
 * @param requestId names this request
 */
public record SlotsRequest(String director, String storage, int drive, String requestId) {
  public SlotsRequest {
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    Objects.requireNonNull(requestId, "requestId");
  }
}
