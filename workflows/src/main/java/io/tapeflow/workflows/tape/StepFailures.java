package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.Step;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/** A step's activity failure as the tape's {@link Failure}: its type, and what to do. */
final class StepFailures {
  private StepFailures() {}

  /** The failure of a step, with what to do. */
  static Failure of(TapeIdentity tape, Step step, ActivityFailure f) {
    Throwable c = f.getCause();
    if (c instanceof ApplicationFailure a) {
      return new Failure(step, a.getType(), a.getOriginalMessage());
    }
    if (c instanceof TimeoutFailure t) {
      String queue = step == null ? "tapeflow" : TapeDetails.queueOf(tape, step);
      String what =
          switch (t.getTimeoutType()) {
            case TIMEOUT_TYPE_SCHEDULE_TO_START ->
                "no worker took the task from queue "
                    + queue
                    + " in time: start the tapeflow worker on the host that serves it, then resume";
            case TIMEOUT_TYPE_HEARTBEAT ->
                "the worker on queue "
                    + queue
                    + " stopped heartbeating: check its log, then resume";
            default ->
                "the step did not finish in time ("
                    + t.getTimeoutType()
                    + "): check the worker's log on queue "
                    + queue
                    + ", then resume";
          };
      return new Failure(step, Failures.TIMEOUT, what);
    }
    if (c instanceof CanceledFailure) {
      return new Failure(step, Failures.CANCELED, "the step was canceled; resume to run it again");
    }
    return new Failure(
        step,
        Failures.UNEXPECTED,
        c == null
            ? String.valueOf(f.getMessage())
            : c.getClass().getSimpleName() + ": " + c.getMessage());
  }
}
