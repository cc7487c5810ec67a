package io.tapeflow.changer;

/**
 * Base of every failure the changer module reports. Subclasses name the condition (source empty,
 * destination full, not ready, ...); {@link #retryable()} says whether the same request may succeed
 * later without anyone changing anything.
 */
public abstract class ChangerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ChangerException(String message, Throwable cause) {
    super(message, cause);
  }

  protected ChangerException(String message) {
    super(message);
  }

  /** True when retrying the same request, unchanged, may succeed. */
  public abstract boolean retryable();
}
