package io.tapeflow.changer;

/**
 * The changer is not ready (sense key 2, mostly ASC 04h): becoming ready, initialising, or waiting
 * for an operator. Retryable with backoff unless an operator has to act (04/03 manual intervention,
 * 04/12 offline).
 */
public final class ChangerNotReadyException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public ChangerNotReadyException(String message, ScsiCondition condition, boolean retryable) {
    super(message, condition, retryable);
  }
}
