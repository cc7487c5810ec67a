package io.tapeflow.bacula;

import java.util.List;

/**
 * The Director answered, and its answer says the command failed ("is an invalid command", "Invalid
 * VolStatus specified", "Media record ... not found", a 399x autochanger error, ...). Not
 * retryable: the same command fails the same way until something is changed.
 */
public class BconsoleCommandException extends BaculaException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errorLines;

  public BconsoleCommandException(String message, List<String> errorLines) {
    super(message);
    this.errorLines = List.copyOf(errorLines);
  }

  /** The lines of the Director's reply that showed the failure. */
  public List<String> errorLines() {
    return errorLines;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
