package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.TapeState;

/**
 * What a tape tells a workflow that asked for it (signal {@value #SIGNAL}).
 *
 * @param barcode the tape
 * @param requestId the request the notice answers
 * @param kind READY (the retrieved copy is online), FAILED, or REJECTED (with the reason)
 * @param state the tape's state
 * @param message what happened
 */
public record TapeNotice(
    String barcode, String requestId, Kind kind, TapeState state, String message) {

  /** The name of the signal a listening workflow declares. */
  public static final String SIGNAL = "tapeNotice";

  /** The kinds of notice. */
  public enum Kind {
    READY,
    FAILED,
    REJECTED
  }
}
