package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Label one volume.
 *
 * @param director the director's configured name
 * @param storage the Bacula Storage resource of the autochanger
 * @param pool the Bacula pool the volume joins
 * @param volume the volume name, which is the tape's barcode
 * @param slot the storage slot the tape is in, or -1 to let {@code update slots} find it
 * @param drive the drive index to label on
 * @param requestId names this request; the same id on a retry
 */
public record LabelRequest(
    String director,
    String storage,
    String pool,
    Barcode volume,
    int slot,
    int drive,
    String requestId) {
  public LabelRequest {
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    TaskQueues.requireName("pool", pool);
    Objects.requireNonNull(volume, "volume");
    if (drive < 0) {
      throw new IllegalArgumentException("drive index must be 0 or more, got " + drive);
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
