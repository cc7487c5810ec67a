package io.tapeflow.workflows.manifest;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Instant;
import java.util.Objects;

/**
 * What a manifest learns once the shelf has the tape.
 *
 * @param barcode the tape
 * @param gatewayName the gateway
 * @param poolId the shelf pool
 * @param storageClass the shelf's storage class, or null if unknown
 * @param archivedAt when the shelf completed archiving
 * @param minimumStorageUntil when AWS's minimum storage duration ends
 * @param writtenAt when this completion was made
 */
public record ManifestCompletion(
    Barcode barcode,
    String gatewayName,
    String poolId,
    StorageClass storageClass,
    Instant archivedAt,
    Instant minimumStorageUntil,
    Instant writtenAt) {
  public ManifestCompletion {
    Objects.requireNonNull(barcode, "barcode");
  }
}
