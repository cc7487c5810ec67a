package io.tapeflow.bacula;

/**
 * Base of every failure the bacula-bridge reports once a value was accepted (bad input is an {@link
 * io.tapeflow.bacula.model.InvalidValueException} instead, raised before anything is sent).
 * Subclasses name the condition; {@link #retryable()} says whether the same request may succeed
 * later without anyone changing anything.
 */
public abstract class BaculaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected BaculaException(String message) {
    super(message);
  }

  protected BaculaException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when retrying the same request, unchanged, may succeed. */
  public abstract boolean retryable();

  /** A short type name for activity failures ({@code BconsoleError}, {@code BaculaBusy}, ...). */
  public String type() {
    return getClass().getSimpleName();
  }
}
