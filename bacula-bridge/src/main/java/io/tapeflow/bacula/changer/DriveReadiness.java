package io.tapeflow.bacula.changer;

/**
 * Waits, bounded, until a drive the changer just loaded can be opened by the storage daemon, so it
 * never opens a stale path.
 */
public interface DriveReadiness {
  /**
   * Returns once {@code archiveDevice} is ready with the cartridge {@code barcode}.
   *
   * @param barcode the loaded cartridge's barcode, or null if it has none
   * @throws ChangerProtocolException if it is not ready in time
   */
  void awaitLoaded(String archiveDevice, String barcode);

  /** No wait: for callers that check readiness themselves. */
  DriveReadiness NONE = (device, barcode) -> {};
}
