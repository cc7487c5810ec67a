package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.Barcode;
import java.util.Objects;

/**
 * Create one tape with a chosen barcode.
 *
 * @param gatewayArn the gateway
 * @param barcode the barcode (AWS rules; never reusable)
 * @param sizeBytes the size, 100 GiB to 15 TiB, GiB-aligned
 * @param poolId GLACIER, DEEP_ARCHIVE or a custom pool id
 * @param requestId names this request; the same id on a retry
 */
public record CreateTapeRequest(
    String gatewayArn, Barcode barcode, long sizeBytes, String poolId, String requestId) {
  public CreateTapeRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(barcode, "barcode");
    TapeSizes.require(sizeBytes);
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(requestId, "requestId");
  }
}
