package io.tapeflow.changer;

import java.util.Optional;

/**
 * The changer refused a command or answered it with an error. Subclasses name the conditions
 * callers react to; this class itself covers the rest (BUSY, ABORTED COMMAND, DATA PROTECT, ...).
 */
public class ChangerCommandException extends ChangerException {
  private static final long serialVersionUID = 1L;

  private final ScsiCondition condition;
  private final boolean retryable;

  /**
   * @param condition what the device answered, or null when the failure was found before anything
   *     was sent (for example from an inventory read under the lock)
   */
  public ChangerCommandException(String message, ScsiCondition condition, boolean retryable) {
    super(message);
    this.condition = condition;
    this.retryable = retryable;
  }

  /** What the device answered, if the failure came from the device. */
  public Optional<ScsiCondition> condition() {
    return Optional.ofNullable(condition);
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
