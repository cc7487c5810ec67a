package io.tapeflow.bacula;

/**
 * bconsole did not finish within the time allowed; the process was killed. The Director may still
 * be carrying out the command (it does not stop when the console goes away), so check the state
 * before repeating a command that changes something.
 */
public final class BconsoleTimeoutException extends BaculaException {
  private static final long serialVersionUID = 1L;

  public BconsoleTimeoutException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
