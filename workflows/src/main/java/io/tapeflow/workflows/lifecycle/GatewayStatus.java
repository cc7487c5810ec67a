package io.tapeflow.workflows.lifecycle;

import io.tapeflow.workflows.common.Barcodes;
import java.time.Instant;
import java.util.Objects;

/**
 * A tape's status as the Storage Gateway reported it (ListTapes, DescribeTapes,
 * DescribeTapeArchives). It is the payload of the {@code gatewayStatus} signal and the fact the
 * lifecycle keeps.
 *
 * @param barcode the tape
 * @param status the gateway's status string, e.g. {@code AVAILABLE}, {@code IN TRANSIT TO VTS}
 * @param observedAt when the gateway was asked; older observations never override newer ones
 * @param gatewayArn the gateway the tape belongs to, or null on the shelf
 * @param poolId the pool (GLACIER, DEEP_ARCHIVE or a custom pool id), or null if not reported
 * @param archivedAt when archiving completed (CompletionTime), or null
 */
public record GatewayStatus(
    String barcode,
    String status,
    Instant observedAt,
    String gatewayArn,
    String poolId,
    Instant archivedAt) {

  public GatewayStatus {
    Barcodes.require(barcode);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** A status with only the required parts. */
  public static GatewayStatus of(String barcode, String status, Instant observedAt) {
    return new GatewayStatus(barcode, status, observedAt, null, null, null);
  }

  /** Whether the gateway reports the given status (exact AWS spelling, e.g. with spaces). */
  public boolean is(String gatewayStatus) {
    return status.equals(gatewayStatus);
  }
}
