package io.tapeflow.workflows.changer;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.Location;
import java.util.Objects;

/**
 * A robot move of one tape.
 *
 * @param library the changer's configured name
 * @param barcode the tape
 * @param expected where the workflow believes the tape is; null or an address of -1 when it does
 *     not know (the move then starts from wherever the tape is, if that is a valid source)
 * @param requestId names this request in logs and audit; the same id on a retry
 */
public record MoveRequest(String library, Barcode barcode, Location expected, String requestId) {
  public MoveRequest {
    TaskQueues.requireName("library", library);
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(requestId, "requestId");
  }
}
