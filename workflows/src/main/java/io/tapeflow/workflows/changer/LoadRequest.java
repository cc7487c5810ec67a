package io.tapeflow.workflows.changer;

import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Load a tape into a drive.
 *
 * @param library the changer's configured name
 * @param barcode the tape
 * @param drive the drive number (0 = first drive element)
 * @param requestId names this request; the same id on a retry
 */
public record LoadRequest(String library, String barcode, int drive, String requestId) {
  public LoadRequest {
    TaskQueues.requireName("library", library);
    Barcodes.require(barcode);
    if (drive < 0) {
      throw new IllegalArgumentException("drive number must be 0 or more, got " + drive);
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
