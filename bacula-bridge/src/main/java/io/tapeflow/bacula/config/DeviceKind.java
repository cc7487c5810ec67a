package io.tapeflow.bacula.config;

/** What the storage daemon's drives are. */
public enum DeviceKind {
  /** Tape drives: the kernel's non-rewinding nodes ({@code /dev/tape/by-id/…-nst}). */
  TAPE,
  /** File devices whose Archive Device follows the loaded tape (the test library's drives). */
  FILE
}
