package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;

/**
 * Send a Full tape to the shelf, or a retrieved copy back to it.
 *
 * @param requestId names the request; repeating it is harmless
 * @param reason why, for the audit trail
 */
public record ArchiveRequest(String requestId, String reason) {
  public ArchiveRequest {
    RequestIds.require(requestId);
  }
}
