package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.Barcode;
import java.util.Objects;

/**
 * Ask about one tape.
 *
 * @param gatewayArn the gateway the tape belongs to (or was retrieved to)
 * @param barcode the tape
 */
public record TapeRequest(String gatewayArn, Barcode barcode) {
  public TapeRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(barcode, "barcode");
  }
}
