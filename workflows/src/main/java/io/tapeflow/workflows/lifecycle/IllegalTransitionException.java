package io.tapeflow.workflows.lifecycle;

/** A change the lifecycle does not allow; the record is left as it was. */
public final class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(String message) {
    super(message);
  }
}
