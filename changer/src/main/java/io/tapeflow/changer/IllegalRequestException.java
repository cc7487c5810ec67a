package io.tapeflow.changer;

/**
 * The device rejected the command as invalid (sense key 5, other than the move conditions with
 * their own types): a bad address, an unsupported command or a bug. Retrying the same request
 * cannot help.
 */
public final class IllegalRequestException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public IllegalRequestException(String message, ScsiCondition condition) {
    super(message, condition, false);
  }
}
