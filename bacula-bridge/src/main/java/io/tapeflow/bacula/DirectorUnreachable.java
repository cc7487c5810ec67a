package io.tapeflow.bacula;

/** bconsole could not connect to the Director (not running, wrong address or port). Retryable. */
public final class DirectorUnreachable extends BaculaException {
  private static final long serialVersionUID = 1L;

  public DirectorUnreachable(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
