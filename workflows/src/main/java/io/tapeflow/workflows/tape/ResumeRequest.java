package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;

/**
 * Resume a FAILED (or place an ADOPTED) tape.
 *
 * @param requestId names the request; repeating it is harmless
 * @param reason what the operator fixed, for the audit trail
 * @param state the state the tape is really in, or null to retry where it failed
 * @param location where the tape really is, or null to keep what tapeflow knows
 */
public record ResumeRequest(String requestId, String reason, TapeState state, Location location) {
  public ResumeRequest {
    RequestIds.require(requestId);
  }
}
