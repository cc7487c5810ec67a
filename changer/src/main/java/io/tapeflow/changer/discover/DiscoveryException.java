package io.tapeflow.changer.discover;

import io.tapeflow.changer.ChangerException;

/** Discovery could not finish: the portal did not answer, refused us, or showed no library. */
public final class DiscoveryException extends ChangerException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public DiscoveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public DiscoveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
