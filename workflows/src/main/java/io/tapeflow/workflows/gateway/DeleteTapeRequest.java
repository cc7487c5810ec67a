package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.Barcode;
import java.util.Objects;

/**
 * Delete one tape.
 *
 * @param gatewayArn the gateway
 * @param barcode the tape
 * @param bypassGovernance whether to bypass a governance retention lock
 * @param requestId names this request; the same id on a retry
 */
public record DeleteTapeRequest(
    String gatewayArn, Barcode barcode, boolean bypassGovernance, String requestId) {
  public DeleteTapeRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(requestId, "requestId");
  }
}
