package io.tapeflow.workflows.changer;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Find a tape in a library.
 *
 * @param library the changer's configured name
 * @param barcode the tape
 */
public record LocateRequest(String library, Barcode barcode) {
  public LocateRequest {
    TaskQueues.requireName("library", library);
    Objects.requireNonNull(barcode, "barcode");
  }
}
