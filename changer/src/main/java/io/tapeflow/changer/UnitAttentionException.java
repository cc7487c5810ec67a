package io.tapeflow.changer;

/**
 * The device reported a unit attention (sense key 6: reset, inventory or mode change) instead of
 * running the command. The reaction is to read the inventory again and re-issue the command;
 * changers do that a bounded number of times before this escapes. Retryable.
 */
public final class UnitAttentionException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public UnitAttentionException(String message, ScsiCondition condition) {
    super(message, condition, true);
  }
}
