package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;
import java.time.Duration;

/**
 * Bring a read-only copy back from the shelf.
 *
 * @param requestId names the request; repeating it is harmless
 * @param reason why, for the audit trail
 * @param hold how long to keep the copy online once it is ready, or null for the policy's default
 * @param notifyWorkflowId a workflow to signal ({@code tapeNotice}) when the copy is online or the
 *     tape failed, or null
 */
public record RetrieveRequest(
    String requestId, String reason, Duration hold, String notifyWorkflowId) {
  public RetrieveRequest {
    RequestIds.require(requestId);
    if (hold != null && (hold.isNegative() || hold.isZero())) {
      throw new IllegalArgumentException("hold must be positive, got " + hold);
    }
  }
}
