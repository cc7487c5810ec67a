package io.tapeflow.workflows.manifest;

import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an archived tape holds, to plan a restore without the catalog.
 *
 * @param barcode the tape (and volume name)
 * @param gatewayName the gateway it was written through
 * @param poolId the shelf pool (GLACIER, DEEP_ARCHIVE or custom)
 * @param storageClass the shelf's storage class, or null if unknown
 * @param baculaPool the Bacula pool
 * @param director the Bacula director
 * @param jobs the jobs with data on the tape
 * @param clients the clients of those jobs, sorted, without duplicates
 * @param bytes the jobs' bytes
 * @param archivedAt when the shelf completed archiving
 * @param lastWrittenAt when the newest job ended
 * @param retainUntil when the pool's retention ends, or null if tapeflow sets none
 * @param minimumStorageUntil when AWS's minimum storage duration ends
 * @param writtenAt when the manifest was made
 */
public record TapeManifest(
    Barcode barcode,
    String gatewayName,
    String poolId,
    StorageClass storageClass,
    String baculaPool,
    String director,
    List<JobOnVolume> jobs,
    List<String> clients,
    long bytes,
    Instant archivedAt,
    Instant lastWrittenAt,
    Instant retainUntil,
    Instant minimumStorageUntil,
    Instant writtenAt) {
  public TapeManifest {
    Objects.requireNonNull(barcode, "barcode");
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /**
   * This manifest with what the shelf told once it had the tape; a storage class the completion
   * does not know keeps the one already written.
   */
  public TapeManifest completedBy(ManifestCompletion c) {
    return new TapeManifest(
        barcode,
        gatewayName,
        poolId,
        c.storageClass() != null ? c.storageClass() : storageClass,
        baculaPool,
        director,
        jobs,
        clients,
        bytes,
        c.archivedAt(),
        lastWrittenAt,
        retainUntil,
        c.minimumStorageUntil(),
        c.writtenAt());
  }
}
