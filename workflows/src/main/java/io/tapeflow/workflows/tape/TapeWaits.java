package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.gateway.AwaitStatusRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.Wait;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a tape waits. Gateway waits end on the watcher's signal; only if the watcher stays silent
 * past a grace period does the tape poll the gateway itself (an activity whose fixed-interval
 * retries are the polling). Holds on a retrieved copy end on a timer. Other waits have no timer at
 * all: the tape sleeps until a signal or an update arrives. One timer (or poll) is armed per wait,
 * and it is canceled as soon as the tape moves on.
 */
final class TapeWaits {
  private final TapeIdentity tape;
  private final TapePolicy policy;
  private final TapeSteps steps;
  private final GatewayActivities statusPoll;

  private String armedFor;
  private Wait armedWait;
  private CancellationScope timerScope;
  private CancellationScope pollScope;
  private Promise<Void> timer;
  private Promise<TapeInfo> poll;

  TapeWaits(TapeIdentity tape, TapePolicy policy, TapeSteps steps) {
    this.tape = tape;
    this.policy = policy;
    this.steps = steps;
    this.statusPoll =
        Workflow.newActivityStub(
            GatewayActivities.class,
            ActivityProfiles.gatewayStatusPoll(
                policy.statusPollInterval(), policy.statusPollGiveUp()));
  }

  /**
   * Waits until {@code changed} holds, the grace timer fires or the tape's own poll ends.
   *
   * @return the change a finished poll makes to the record (identity otherwise)
   */
  UnaryOperator<TapeRecord> await(TapeRecord r, Supplier<Boolean> changed) {
    Wait w = TapeLifecycle.waitingFor(r);
    String key = w + "/" + r.seq() + "/" + r.gate() + "/" + TapeLifecycle.holdsEnd(r);
    if (!key.equals(armedFor)) {
      disarm();
      armedFor = key;
      armedWait = w;
      arm(r, w);
    }
    Workflow.await(() -> changed.get() || done(timer) || done(poll));
    if (done(poll)) {
      Promise<TapeInfo> finished = poll;
      poll = null;
      pollScope = null;
      return collect(finished);
    }
    if (done(timer)) {
      timer = null;
      timerScope = null;
      if (armedWait.gatewayStatus() != null) {
        startPoll(armedWait);
      }
    }
    return UnaryOperator.identity();
  }

  /** Cancels the armed timer and poll, if any. */
  void disarm() {
    if (timerScope != null) {
      timerScope.cancel();
    }
    if (pollScope != null) {
      pollScope.cancel();
    }
    timerScope = null;
    pollScope = null;
    timer = null;
    poll = null;
    armedFor = null;
  }

  private void arm(TapeRecord r, Wait w) {
    Instant deadline =
        switch (w) {
          case GATEWAY_CREATED -> r.gate().plus(policy.createGrace());
          case GATEWAY_ARCHIVED -> r.gate().plus(policy.archiveGrace());
          case GATEWAY_RETRIEVED -> r.gate().plus(retrieveGrace(r));
          case HOLD -> TapeLifecycle.holdsEnd(r);
          default -> null;
        };
    if (deadline == null) {
      return;
    }
    Duration left = Duration.between(TapeSteps.now(), deadline);
    if (!left.isNegative() && !left.isZero()) {
      String summary =
          w == Wait.HOLD
              ? "end of the holds on the retrieved copy"
              : "grace for the gateway watcher, then poll the tape for " + w.gatewayStatus();
      timerScope =
          Workflow.newCancellationScope(
              () ->
                  timer =
                      Workflow.newTimer(
                          left, TimerOptions.newBuilder().setSummary(summary).build()));
      timerScope.run();
    } else if (w.gatewayStatus() != null) {
      startPoll(w);
    }
  }

  /** Glacier Flexible Retrieval returns tapes in 3 to 5 hours, Deep Archive within 12. */
  private Duration retrieveGrace(TapeRecord r) {
    StorageClass storageClass =
        r.storageClass() != null ? r.storageClass() : steps.storageClass(null);
    // Unknown (a custom pool not described yet): the longer grace; the poll is the fallback anyway.
    return storageClass == StorageClass.GLACIER
        ? policy.retrieveGraceGlacier()
        : policy.retrieveGraceDeepArchive();
  }

  private void startPoll(Wait w) {
    AwaitStatusRequest request =
        new AwaitStatusRequest(tape.gatewayArn(), tape.barcode(), List.of(w.gatewayStatus()));
    pollScope =
        Workflow.newCancellationScope(
            () -> poll = Async.function(statusPoll::awaitTapeStatus, request));
    pollScope.run();
  }

  private UnaryOperator<TapeRecord> collect(Promise<TapeInfo> finished) {
    Instant at = TapeSteps.now();
    try {
      TapeInfo info = finished.get();
      GatewayStatus status =
          new GatewayStatus(
              tape.barcode().value(),
              info.status(),
              at,
              info.gatewayArn(),
              info.poolId(),
              info.archivedAt());
      return cur -> TapeLifecycle.recordGateway(cur, status);
    } catch (ActivityFailure f) {
      Failure cause = steps.failureOf(null, f);
      Failure failure =
          new Failure(
              null,
              cause.type(),
              "the gateway did not report "
                  + armedWait.gatewayStatus()
                  + " (neither to the watcher nor to the tape's own poll): "
                  + cause.message());
      return cur -> TapeLifecycle.failed(cur, failure, at);
    }
  }

  private static boolean done(Promise<?> p) {
    return p != null && p.isCompleted();
  }
}
