package io.tapeflow.changer.scsi;

/** Which way a command's data phase goes. */
public enum DataDirection {
  NONE,
  /** Device to host (READ ELEMENT STATUS, INQUIRY, MODE SENSE). */
  FROM_DEVICE,
  /** Host to device. */
  TO_DEVICE
}
