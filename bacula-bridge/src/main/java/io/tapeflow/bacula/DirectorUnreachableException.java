package io.tapeflow.bacula;

/** bconsole could not connect to the Director (not running, wrong address or port). Retryable. */
public final class DirectorUnreachableException extends BaculaException {
  private static final long serialVersionUID = 1L;

  public DirectorUnreachableException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
