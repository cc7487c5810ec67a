package io.tapeflow.bacula;

import java.util.List;

/**
 * The Director or storage daemon refused because a device or volume is in use (a job holds the
 * drive, the device is blocked). Retryable: it may succeed once the job moves on.
 */
public final class BaculaBusyException extends BconsoleCommandException {
  private static final long serialVersionUID = 1L;

  public BaculaBusyException(String message, List<String> errorLines) {
    super(message, errorLines);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
