package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Duration;

/** How long operations typically take, for ETAs: retrievals by the tape's {@link StorageClass}. */
final class TypicalTimes {
  private TypicalTimes() {}

  /**
   * A retrieval's typical duration.
   *
   * @param storageClass the tape's storage class, or null if not known yet
   * @param pool its AWS pool, used when the class is not known (a custom pool counts as Glacier)
   */
  static Duration retrieval(StorageClass storageClass, String pool) {
    StorageClass c = storageClass != null ? storageClass : StorageClass.parse(pool);
    return (c == null ? StorageClass.GLACIER : c).retrievalWithin();
  }
}
