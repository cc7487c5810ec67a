package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.lifecycle.VolumeStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A volume's catalog record.
 *
 * @param volume the volume name
 * @param volStatus the VolStatus
 * @param previousVolStatus after a change, the status before it; otherwise null
 * @param pool the pool
 * @param slot the catalog's Slot (0 = unknown)
 * @param inChanger the catalog's InChanger
 * @param drive the drive index holding the tape, or null if none or unknown
 * @param volBytes bytes written
 * @param volJobs jobs written
 * @param lastWritten when it was last written, or null
 * @param volRetention the volume's retention, or null
 */
public record VolumeInfo(
    String volume,
    String volStatus,
    String previousVolStatus,
    String pool,
    int slot,
    boolean inChanger,
    Integer drive,
    long volBytes,
    int volJobs,
    Instant lastWritten,
    Duration volRetention) {

  /** This record as a Bacula fact observed at {@code at}. */
  public VolumeStatus asStatus(Instant at) {
    return new VolumeStatus(volume, volStatus, at, slot, inChanger, drive, null, false);
  }
}
