package io.tapeflow.changer;

/**
 * The device (or {@code mtx}) answered with data tapeflow cannot trust: truncated where it must not
 * be, inconsistent lengths, a page of the wrong type, unreadable volume tags. Nothing is decided on
 * such data. Not retryable.
 */
public final class MalformedResponseException extends ChangerException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
