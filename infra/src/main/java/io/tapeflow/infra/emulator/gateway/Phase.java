package io.tapeflow.infra.emulator.gateway;

/**
 * Where a tape is in its life, with the status strings AWS shows for it in the VTL (Tape, TapeInfo)
 * and on the shelf (TapeArchive). Deleted tapes leave the state; only their barcode is kept, since
 * barcodes are never reusable.
 */
public enum Phase {
  /** Created, waiting for a free I/E element. */
  CREATING("CREATING", null),
  /** In the library, readable and writable. */
  AVAILABLE("AVAILABLE", null),
  /** Exported into an I/E element; its data is being copied to the shelf. */
  IN_TRANSIT("IN TRANSIT TO VTS", null),
  /** Data on the shelf; moving into the archive storage class. Cannot be cancelled. */
  ARCHIVING("ARCHIVING", null),
  /** On the shelf only. */
  ARCHIVED(null, "ARCHIVED"),
  /** Coming back from the shelf to the gateway. */
  RETRIEVING("RETRIEVING", "RETRIEVING"),
  /** Back in an I/E element of the gateway, read-only; still listed on the shelf. */
  RETRIEVED("RETRIEVED", "RETRIEVED");

  private final String vtlStatus;
  private final String archiveStatus;

  Phase(String vtlStatus, String archiveStatus) {
    this.vtlStatus = vtlStatus;
    this.archiveStatus = archiveStatus;
  }

  /** The {@code TapeStatus} of a VTL tape, or null when the tape is not in the VTL. */
  public String vtlStatus() {
    return vtlStatus;
  }

  /** The {@code TapeStatus} of a shelf tape, or null when the tape is not on the shelf. */
  public String archiveStatus() {
    return archiveStatus;
  }

  /** Whether the tape belongs to the gateway's VTL (DescribeTapes lists it). */
  public boolean inVtl() {
    return vtlStatus != null;
  }

  /** Whether the tape is on the shelf (DescribeTapeArchives lists it). */
  public boolean onShelf() {
    return archiveStatus != null;
  }

  /** The status ListTapes shows: the VTL one while the tape is in the VTL, else the shelf one. */
  public String listStatus() {
    return vtlStatus != null ? vtlStatus : archiveStatus;
  }
}
