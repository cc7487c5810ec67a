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

  /**
   * A short name of the condition for failure messages: the class name without its {@code
   * Exception} suffix ({@code BconsoleCommand}, {@code BaculaBusy}, ...). Not a failure type.
   */
  public String type() {
    String name = getClass().getSimpleName();
    return name.endsWith("Exception")
        ? name.substring(0, name.length() - "Exception".length())
        : name;
  }
}
