package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Instant;

/**
 * A tape as the gateway (VTL) or the shelf (VTS) reports it.
 *
 * @param barcode the barcode
 * @param tapeArn the tape's ARN
 * @param status the status string, as AWS spells it
 * @param gatewayArn the gateway it belongs to or was retrieved to, or null on the shelf
 * @param poolId GLACIER, DEEP_ARCHIVE or a custom pool id
 * @param storageClass the pool's storage class (a custom pool's from ListTapePools), or null if
 *     unknown
 * @param sizeBytes the tape's size
 * @param usedBytes bytes written, or null if not reported
 * @param archivedAt when archiving completed (CompletionTime), or null
 * @param retentionStartDate when a retention lock's clock started, or null
 * @param lockType NONE, GOVERNANCE or COMPLIANCE
 * @param lockUntil when the lock ends, or null
 * @param onShelf whether the answer came from the shelf (VTS)
 * @param observedAt when the gateway was asked
 */
public record TapeInfo(
    String barcode,
    String tapeArn,
    String status,
    String gatewayArn,
    String poolId,
    StorageClass storageClass,
    long sizeBytes,
    Long usedBytes,
    Instant archivedAt,
    Instant retentionStartDate,
    String lockType,
    Instant lockUntil,
    boolean onShelf,
    Instant observedAt) {

  /** This answer as a gateway fact for the lifecycle. */
  public GatewayStatus asStatus() {
    return new GatewayStatus(barcode, status, observedAt, gatewayArn, poolId, archivedAt);
  }
}
