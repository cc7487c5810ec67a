package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.Barcode;
import java.util.Objects;

/**
 * Act on one tape (retrieve, cancel).
 *
 * @param gatewayArn the gateway
 * @param barcode the tape
 * @param requestId names this request; the same id on a retry
 */
public record TapeActionRequest(String gatewayArn, Barcode barcode, String requestId) {
  public TapeActionRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(requestId, "requestId");
  }
}
