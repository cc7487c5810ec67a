package io.tapeflow.changer;

/**
 * An element address that the library does not have (or, with the {@code mtx} transport, a number
 * naming both a drive and a slot). Refused before any move is sent. Not retryable.
 */
public final class UnknownAddressException extends ChangerException {
  private static final long serialVersionUID = 1L;

  public UnknownAddressException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
