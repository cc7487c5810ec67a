package io.tapeflow.bacula.model;

/**
 * A value that would reach bconsole's stdin or a Bacula process was refused. Thrown while the value
 * or command is being built, so nothing has been sent when it is seen.
 */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
