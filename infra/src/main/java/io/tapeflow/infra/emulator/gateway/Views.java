package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.ElementType;
import java.time.Instant;
import software.amazon.awssdk.services.storagegateway.model.Tape;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;
import software.amazon.awssdk.services.storagegateway.model.TapeInfo;

/** The SDK shapes of a tape, built under the gateway lock. */
final class Views {
  private final Gateway g;

  Views(Gateway g) {
    this.g = g;
  }

  /** The VTL view (DescribeTapes). */
  Tape tape(TapeRecord t, Instant now) {
    Tape.Builder b =
        Tape.builder()
            .tapeARN(g.arns.tape(t.barcode))
            .tapeBarcode(t.barcode)
            .tapeCreatedDate(t.created)
            .tapeSizeInBytes(t.sizeBytes)
            .tapeStatus(t.phase.vtlStatus())
            .tapeUsedInBytes(g.usedBytes(t))
            .kmsKey(t.kmsKey)
            .poolId(t.poolId)
            .worm(t.worm)
            .retentionStartDate(t.retentionStartDate)
            .poolEntryDate(t.poolEntryDate);
    if (t.elementType == ElementType.DRIVE) {
      int k = g.library.layout().driveIndex(t.elementAddress);
      if (k >= 0) {
        b.vtlDevice(g.arns.driveDevice(k));
      }
    }
    if (t.phase == Phase.IN_TRANSIT || t.phase == Phase.ARCHIVING || t.phase == Phase.RETRIEVING) {
      b.progress(t.progress(now));
    }
    return b.build();
  }

  /** The shelf view (DescribeTapeArchives). */
  TapeArchive archive(TapeRecord t) {
    return TapeArchive.builder()
        .tapeARN(g.arns.tape(t.barcode))
        .tapeBarcode(t.barcode)
        .tapeCreatedDate(t.created)
        .tapeSizeInBytes(t.sizeBytes)
        .completionTime(t.completionTime)
        .retrievedTo(t.retrievedTo)
        .tapeStatus(t.phase.archiveStatus())
        .tapeUsedInBytes(t.usedBytes)
        .kmsKey(t.kmsKey)
        .poolId(t.poolId)
        .worm(t.worm)
        .retentionStartDate(t.retentionStartDate)
        .poolEntryDate(t.poolEntryDate)
        .build();
  }

  /** The account-wide view (ListTapes); the gateway is named only while the tape is in its VTL. */
  TapeInfo info(TapeRecord t) {
    return TapeInfo.builder()
        .tapeARN(g.arns.tape(t.barcode))
        .tapeBarcode(t.barcode)
        .tapeSizeInBytes(t.sizeBytes)
        .tapeStatus(t.phase.listStatus())
        .gatewayARN(t.phase.inVtl() ? g.arns.gateway() : null)
        .poolId(t.poolId)
        .retentionStartDate(t.retentionStartDate)
        .poolEntryDate(t.poolEntryDate)
        .build();
  }
}
