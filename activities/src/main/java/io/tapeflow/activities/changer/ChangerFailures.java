package io.tapeflow.activities.changer;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.ChangerNotReadyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.TapeNotFoundException;
import io.tapeflow.changer.UnexpectedLocationException;
import io.tapeflow.changer.UnitAttentionException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;

/** The changer module's exceptions to tapeflow failure types, in one place. */
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
    if (e instanceof DestinationFullException) {
      // ensureIn reports "every <type> of <changer> is full" when no element is free.
      return Failures.of(
          m != null && m.startsWith("every ")
              ? Failures.NO_FREE_ELEMENT
              : Failures.ELEMENT_OCCUPIED,
          m);
    }
    if (e instanceof ChangerBusyException
        || e instanceof UnitAttentionException
        || e instanceof MediumRemovalPreventedException
        || e instanceof ScsiTransportException) {
      return Failures.of(Failures.CHANGER_NOT_READY, m);
    }
    if (e instanceof ChangerNotReadyException n) {
      // Not ready for good (manual intervention, offline): an operator has to act.
      return n.retryable()
          ? Failures.of(Failures.CHANGER_NOT_READY, m)
          : ApplicationFailure.newNonRetryableFailure(
              m + "; an operator has to bring the changer online", Failures.CHANGER_NOT_READY);
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
}
