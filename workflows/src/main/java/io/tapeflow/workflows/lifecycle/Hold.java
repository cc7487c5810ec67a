package io.tapeflow.workflows.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A reason to keep a retrieved copy online: who asked, for how long, and whom to tell when it is
 * ready.
 *
 * @param requestId the retrieve request
 * @param duration how long to keep the copy online once it is ready
 * @param until when the hold ends; null until the copy is online
 * @param notifyWorkflowId a workflow to signal when the copy is online or failed, or null
 * @param notified whether that signal was sent
 */
public record Hold(
    String requestId, Duration duration, Instant until, String notifyWorkflowId, boolean notified) {

  public Hold {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("hold duration must be positive, got " + duration);
    }
  }

  Hold startedAt(Instant now) {
    return until != null
        ? this
        : new Hold(requestId, duration, now.plus(duration), notifyWorkflowId, notified);
  }

  Hold markNotified() {
    return new Hold(requestId, duration, until, notifyWorkflowId, true);
  }
}
