package io.tapeflow.bacula.model;

import java.util.Objects;

/**
 * One row of {@code list volumes}: a catalog Media record.
 *
 * @param mediaId the catalog's MediaId
 * @param name the volume name (the barcode, for volumes labelled from barcodes)
 * @param status VolStatus
 * @param enabled 1 enabled, 0 disabled, 2 archived
 * @param bytes VolBytes
 * @param slot the slot Bacula last saw it in; 0 when unknown or outside the library
 * @param inChanger whether Bacula believes it is in the autochanger
 * @param mediaType the Media Type
 * @param pool the pool it belongs to, when the listing said (a {@code Pool: X} section or the
 *     {@code pool=} of the command), else null
 * @param lastWritten the LastWritten text, {@code 0} when never written
 * @param expiresIn seconds until its retention ends (0 when it does not apply or has passed)
 */
public record Volume(
    long mediaId,
    VolumeName name,
    VolStatus status,
    int enabled,
    long bytes,
    int slot,
    boolean inChanger,
    String mediaType,
    String pool,
    String lastWritten,
    long expiresIn) {

  public Volume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }
}
