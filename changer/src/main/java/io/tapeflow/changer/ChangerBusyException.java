package io.tapeflow.changer;

/**
 * The host-wide changer lock stayed held by someone else (another tapeflow thread or process, or
 * Bacula's storage daemon through the Changer Command) for longer than the caller would wait.
 * Retryable.
 */
public final class ChangerBusyException extends ChangerException {
  private static final long serialVersionUID = 1L;

  public ChangerBusyException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
