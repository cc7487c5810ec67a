package io.tapeflow.activities.changer;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.ChangerNotReadyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.NoFreeElementException;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.TapeNotFoundException;
import io.tapeflow.changer.UnexpectedLocationException;
import io.tapeflow.changer.UnitAttentionException;
import io.tapeflow.changer.WrongDeviceException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;

/**
 * The changer module's exceptions to tapeflow failure types, in one place. Kinds come from the
 * exception's type and its {@link ChangerException#retryable()}, never from its message.
 */
public final class ChangerFailures {
  private ChangerFailures() {}

  /** The failure of a changer call; the message is the changer's, which names elements. */
  public static ApplicationFailure of(RuntimeException e) {
    String m = e.getMessage();
    if (e instanceof TapeNotFoundException) {
      return Failures.of(Failures.TAPE_NOT_FOUND, m);
    }
    if (e instanceof UnexpectedLocationException) {
      return Failures.of(Failures.TAPE_MISPLACED, m);
    }
    if (e instanceof SourceEmptyException) {
      return Failures.of(Failures.SOURCE_EMPTY, m);
    }
    if (e instanceof NoFreeElementException) {
      return Failures.of(Failures.NO_FREE_ELEMENT, m);
    }
    if (e instanceof DestinationFullException) {
      return Failures.of(Failures.ELEMENT_OCCUPIED, m);
    }
    if (e instanceof ChangerBusyException
        || e instanceof UnitAttentionException
        || e instanceof MediumRemovalPreventedException) {
      return Failures.of(Failures.CHANGER_NOT_READY, m);
    }
    if (e instanceof ScsiTransportException
        || e instanceof ChangerNotReadyException
        || e instanceof WrongDeviceException) {
      // Refused logins, a wrong target or LUN, a changer offline or waiting for manual action.
      return ((ChangerException) e).retryable()
          ? Failures.of(Failures.CHANGER_NOT_READY, m)
          : needsOperator(m);
    }
    if (e instanceof ChangerException c) {
      return c.retryable()
          ? Failures.of(Failures.CHANGER_NOT_READY, m)
          : Failures.of(Failures.CHANGER_ERROR, m);
    }
    if (e instanceof IllegalArgumentException) {
      return Failures.of(Failures.INVALID_INPUT, m);
    }
    return Failures.of(Failures.CHANGER_NOT_READY, e.getClass().getSimpleName() + ": " + m);
  }

  /** Not retried: the same call fails until someone fixes the configuration or the changer. */
  private static ApplicationFailure needsOperator(String message) {
    return Failures.of(
        Failures.CHANGER_NEEDS_OPERATOR,
        message + " (an operator must act before this changer can be used)");
  }
}
