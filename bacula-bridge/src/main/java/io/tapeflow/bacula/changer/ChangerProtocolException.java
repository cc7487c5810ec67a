package io.tapeflow.bacula.changer;

/**
 * A Changer Command call that cannot be carried out: bad arguments, an empty source, a full
 * destination, a drive that never became ready. Its message is what the storage daemon shows after
 * {@code Results=}.
 */
public final class ChangerProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChangerProtocolException(String message) {
    super(message);
  }

  public ChangerProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
