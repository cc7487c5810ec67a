package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.lifecycle.ShelfPool;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Duration;

/**
 * How long operations typically take, for ETAs: a retrieval takes what its {@link StorageClass}
 * says. The class is the tape's own (read from the gateway), else that of a standard pool; for a
 * custom pool whose class the tape has not learnt yet the longer Deep Archive time is shown, never
 * a guess from the pool's name.
 */
final class TypicalTimes {
  static final Duration DEEP_ARCHIVE_RETRIEVAL = StorageClass.DEEP_ARCHIVE.retrievalWithin();

  private TypicalTimes() {}

  /**
   * A retrieval's typical duration.
   *
   * @param storageClass the tape's storage class, or null if not known
   * @param pool the tape's AWS pool id, or null
   */
  static Duration retrieval(StorageClass storageClass, String pool) {
    if (storageClass != null) {
      return storageClass.retrievalWithin();
    }
    if (pool != null && !pool.isBlank()) {
      return ShelfPool.of(pool).standardClass().orElse(StorageClass.DEEP_ARCHIVE).retrievalWithin();
    }
    return DEEP_ARCHIVE_RETRIEVAL;
  }
}
