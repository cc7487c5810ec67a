package io.tapeflow.bacula;

/**
 * bconsole's output could not be understood: the end marker is missing (bconsole died), or a
 * listing had a shape the parser does not know. Not retryable without a look at the output.
 */
public final class BconsoleOutputException extends BaculaException {
  private static final long serialVersionUID = 1L;

  public BconsoleOutputException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
