package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.ADOPTED;
import static io.tapeflow.workflows.lifecycle.TapeState.ARCHIVED;
import static io.tapeflow.workflows.lifecycle.TapeState.CREATING;
import static io.tapeflow.workflows.lifecycle.TapeState.DELETED;
import static io.tapeflow.workflows.lifecycle.TapeState.EJECTING;
import static io.tapeflow.workflows.lifecycle.TapeState.EXPIRING;
import static io.tapeflow.workflows.lifecycle.TapeState.FAILED;
import static io.tapeflow.workflows.lifecycle.TapeState.FULL;
import static io.tapeflow.workflows.lifecycle.TapeState.IMPORTING;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_TRANSIT;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_USE;
import static io.tapeflow.workflows.lifecycle.TapeState.LABELING;
import static io.tapeflow.workflows.lifecycle.TapeState.ONLINE_READ_ONLY;
import static io.tapeflow.workflows.lifecycle.TapeState.REQUESTED;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVING;
import static io.tapeflow.workflows.lifecycle.TapeState.SCRATCH;

import java.time.Instant;

/** Which step a tape's state needs next, and what a tape with no step waits for. */
final class StepPlan {
  private StepPlan() {}

  /** The step the tape needs next in its state, or null if it waits for something. */
  public static Step nextStep(TapeRecord r) {
    return switch (r.state()) {
      case REQUESTED -> Step.CREATE;
      case IMPORTING -> {
        if (!r.did(Step.IMPORT)) {
          yield Step.IMPORT;
        }
        yield r.readOnly() && !r.did(Step.MARK_READ_ONLY) ? Step.MARK_READ_ONLY : null;
      }
      case LABELING -> r.did(Step.LABEL) ? null : Step.LABEL;
      case EJECTING -> {
        if (r.driveHeld() && !r.did(Step.FREE_DRIVE)) {
          yield Step.FREE_DRIVE;
        }
        if (!r.did(Step.EXPORT)) {
          yield Step.EXPORT;
        }
        yield r.readOnly() && !r.did(Step.SYNC_BACULA) ? Step.SYNC_BACULA : null;
      }
      case IN_TRANSIT -> r.did(Step.SYNC_BACULA) ? null : Step.SYNC_BACULA;
      case ARCHIVED -> r.manifestWritten() ? null : Step.RECORD_MANIFEST;
      case RETRIEVING -> r.did(Step.RETRIEVE) ? null : Step.RETRIEVE;
      // The purged volume's record goes first: the tape's deletion is then the last thing done.
      case EXPIRING -> {
        if (!r.did(Step.REMOVE_FROM_CATALOG)) {
          yield Step.REMOVE_FROM_CATALOG;
        }
        yield r.did(Step.DELETE) ? null : Step.DELETE;
      }
      default -> null;
    };
  }

  /** What a tape with no step to perform waits for. */
  public static Wait waitingFor(TapeRecord r) {
    if (nextStep(r) != null) {
      return Wait.NOTHING;
    }
    return switch (r.state()) {
      case CREATING -> Wait.GATEWAY_CREATED;
      case IN_TRANSIT -> Wait.GATEWAY_ARCHIVED;
      case EJECTING -> r.readOnly() ? Wait.GATEWAY_ARCHIVED : Wait.NOTHING;
      case RETRIEVING -> Wait.GATEWAY_RETRIEVED;
      case SCRATCH, IN_USE -> Wait.BACULA;
      case ONLINE_READ_ONLY -> r.holds().isEmpty() ? Wait.REQUEST : Wait.HOLD;
      case FULL, ARCHIVED -> Wait.REQUEST;
      case FAILED, ADOPTED -> Wait.OPERATOR;
      case DELETED -> Wait.END;
      default -> Wait.NOTHING;
    };
  }

  /** When the holds on a retrieved copy end, or null if none is running. */
  public static Instant holdsEnd(TapeRecord r) {
    Instant end = null;
    for (Hold h : r.holds()) {
      if (h.until() == null) {
        return null;
      }
      if (end == null || h.until().isAfter(end)) {
        end = h.until();
      }
    }
    return end;
  }
}
