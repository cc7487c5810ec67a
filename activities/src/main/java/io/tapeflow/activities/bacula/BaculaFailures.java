package io.tapeflow.activities.bacula;

import io.tapeflow.bacula.BaculaBusyException;
import io.tapeflow.bacula.BaculaException;
import io.tapeflow.bacula.BconsoleTimeoutException;
import io.tapeflow.bacula.DirectorUnreachableException;
import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;

/** bacula-bridge's exceptions to tapeflow failure types, in one place. */
public final class BaculaFailures {
  private BaculaFailures() {}

  /** The failure of a Bacula call; the message is bacula-bridge's, which names the command. */
  public static ApplicationFailure of(RuntimeException e) {
    String m = e.getMessage();
    if (e instanceof BaculaBusyException
        || e instanceof BconsoleTimeoutException
        || e instanceof DirectorUnreachableException) {
      return Failures.of(Failures.BACULA_BUSY, m);
    }
    if (e instanceof InvalidValueException || e instanceof IllegalArgumentException) {
      return Failures.of(Failures.INVALID_INPUT, m);
    }
    if (e instanceof BaculaException b) {
      return b.retryable()
          ? Failures.of(Failures.BACULA_BUSY, m)
          : Failures.of(Failures.BCONSOLE_ERROR, b.type() + ": " + m);
    }
    return Failures.of(Failures.BCONSOLE_ERROR, e.getClass().getSimpleName() + ": " + m);
  }
}
