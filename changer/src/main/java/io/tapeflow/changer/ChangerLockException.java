package io.tapeflow.changer;

/**
 * The changer lock could not be taken for a reason other than someone holding it: the lock
 * directory cannot be created or written. Not retryable: fix the directory or its permissions.
 */
public final class ChangerLockException extends ChangerException {
  private static final long serialVersionUID = 1L;

  public ChangerLockException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
