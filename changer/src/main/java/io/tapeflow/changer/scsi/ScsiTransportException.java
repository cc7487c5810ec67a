package io.tapeflow.changer.scsi;

import io.tapeflow.changer.ChangerException;

/**
 * A command could not be delivered, or its outcome is unknown (timeout, lost session, login
 * refused). Whether a retry can help is given by {@link #retryable()}.
 */
public class ScsiTransportException extends ChangerException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public ScsiTransportException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public ScsiTransportException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
