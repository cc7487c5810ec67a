package io.tapeflow.workflows.changer;

import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.TaskQueues;

/**
 * Find a tape in a library.
 *
 * @param library the changer's configured name
 * @param barcode the tape
 */
public record LocateRequest(String library, String barcode) {
  public LocateRequest {
    TaskQueues.requireName("library", library);
    Barcodes.require(barcode);
  }
}
