package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;

/**
 * Delete an archived tape if every deletion rule holds.
 *
 * @param requestId names the request; repeating it is harmless
 * @param reason why, for the audit trail
 * @param dryRun only answer whether the tape would be deleted
 */
public record ExpireRequest(String requestId, String reason, boolean dryRun) {
  public ExpireRequest {
    RequestIds.require(requestId);
  }
}
