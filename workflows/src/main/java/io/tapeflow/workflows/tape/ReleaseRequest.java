package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;

/**
 * A requester no longer needs a retrieved copy.
 *
 * @param requestId the retrieve request whose hold ends
 */
public record ReleaseRequest(String requestId) {
  public ReleaseRequest {
    RequestIds.require(requestId);
  }
}
