package io.tapeflow.workflows.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * What Bacula's catalog says about a tape's volume, sent by the job hooks ({@code tapeflow event})
 * or read by a Bacula activity; the payload of the tape workflow's volume status signal.
 *
 * @param volume the volume name (the barcode)
 * @param volStatus Bacula's VolStatus, e.g. {@code Append}, {@code Full}, {@code Read-Only}
 * @param observedAt when Bacula was asked; older observations never override newer ones
 * @param slot the catalog's Slot, or null
 * @param inChanger the catalog's InChanger, or null
 * @param drive the drive (Bacula's drive index) holding the tape, or null if none or unknown
 * @param jobId the job the event is about, or null
 * @param jobRunning whether that job is still writing or reading the volume
 */
public record VolumeStatus(
    String volume,
    String volStatus,
    Instant observedAt,
    Integer slot,
    Boolean inChanger,
    Integer drive,
    Long jobId,
    boolean jobRunning) {

  public VolumeStatus {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(volStatus, "volStatus");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** A status with only the required parts. */
  public static VolumeStatus of(String volume, String volStatus, Instant observedAt) {
    return new VolumeStatus(volume, volStatus, observedAt, null, null, null, null, false);
  }

  /** Whether Bacula reports this VolStatus (case-insensitive, as Bacula matches it). */
  public boolean is(String status) {
    return volStatus.equalsIgnoreCase(status);
  }
}
