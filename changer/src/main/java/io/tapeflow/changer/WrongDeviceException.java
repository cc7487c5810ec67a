package io.tapeflow.changer;

/**
 * The device at the given address is not a medium changer (INQUIRY reports another peripheral type,
 * e.g. a tape drive or tgt's LUN 0 controller). Not retryable: fix the URI.
 */
public final class WrongDeviceException extends ChangerException {
  private static final long serialVersionUID = 1L;

  public WrongDeviceException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
