package io.tapeflow.worker.cli.tapes;

import java.time.Duration;

/**
 * How long operations typically take, for ETAs. There is no storage-class type in the workflows
 * yet, so the tape's storage class (or its pool id) is matched by name; the times are AWS's
 * published retrieval times for the Virtual Tape Shelf: 3 to 5 hours from Glacier Flexible
 * Retrieval, within 12 hours from Deep Archive.
 */
final class TypicalTimes {
  static final Duration GLACIER_RETRIEVAL = Duration.ofHours(5);
  static final Duration DEEP_ARCHIVE_RETRIEVAL = Duration.ofHours(12);

  private TypicalTimes() {}

  /**
   * A retrieval's typical duration.
   *
   * @param storageClass the tape's storage class or AWS pool, or null if unknown (Glacier assumed)
   */
  static Duration retrieval(String storageClass) {
    return storageClass != null && storageClass.contains("DEEP_ARCHIVE")
        ? DEEP_ARCHIVE_RETRIEVAL
        : GLACIER_RETRIEVAL;
  }
}
