package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.ExpiryRules;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeRequests;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.Verdict;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * The tape workflow. The main loop applies the lifecycle ({@link TapeLifecycle#advance}), performs
 * the next step ({@link TapeSteps}) or, with nothing to do, flushes the audit trail, continues as
 * new if due, and waits ({@link TapeWaits}) for a signal, an update, a grace timer or its own
 * status poll. Handlers only record facts and apply validated requests; the loop does the rest;
 * {@link TapePublisher} shows it.
 */
public final class TapeWorkflowImpl implements TapeWorkflow {
  private static final Logger log = Workflow.getLogger(TapeWorkflowImpl.class);

  private TapeIdentity tape;
  private TapePolicy policy;
  private TapeRecord record;
  private TapeSteps steps;
  private TapeWaits waits;
  private TapePublisher publisher;
  private final AnsweredRequests answered = new AnsweredRequests(() -> record, this::change);

  private final List<Runnable> early = new ArrayList<>();
  private int changes;

  @Override
  public void run(TapeInput input) {
    tape = input.tape();
    policy = input.policy();
    record = input.record();
    answered.carry(input.answered());
    steps = new TapeSteps(tape, policy);
    waits = new TapeWaits(tape, policy, steps);
    publisher = new TapePublisher(tape, record);
    publisher.syncSearchAttributes(record);
    early.forEach(Runnable::run);
    early.clear();

    while (true) {
      record = TapeLifecycle.advance(record, now(), policy.holdAfterRetrieve(), tape.layout());
      record = publisher.publish(record);
      Step step = TapeLifecycle.nextStep(record);
      if (step != null) {
        if (step == Step.DELETE && !publisher.flushAudit()) {
          record = TapeLifecycle.failed(record, TapePublisher.auditNotWritten(step), now());
          continue;
        }
        UnaryOperator<TapeRecord> outcome = steps.perform(step, record);
        record = outcome.apply(record);
        continue;
      }
      if (record.state() == TapeState.DELETED) {
        break;
      }
      if (TapePublisher.restingFor(record)) {
        publisher.flushAudit();
      }
      continueAsNewIfDue();
      int seen = changes;
      UnaryOperator<TapeRecord> woken = waits.await(record, () -> changes != seen);
      record = woken.apply(record);
    }
    waits.disarm();
    record = publisher.publish(record);
    publisher.flushAudit();
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  // ---------------------------------------------------------------- updates

  @Override
  public void validateArchive(ArchiveRequest request) {
    answered.validate(
        request.requestId(), () -> TapeRequests.checkArchive(tape.barcode().value(), record));
  }

  @Override
  public RequestResult archive(ArchiveRequest request) {
    return answered.handle(
        request.requestId(),
        () -> TapeRequests.checkArchive(tape.barcode().value(), record),
        v ->
            v.accepted()
                ? TapeRequests.archive(
                    record, now(), reason(request.reason(), v), request.requestId())
                : null);
  }

  @Override
  public void validateRetrieve(RetrieveRequest request) {
    answered.validate(
        request.requestId(), () -> TapeRequests.checkRetrieve(tape.barcode().value(), record));
  }

  @Override
  public RequestResult retrieve(RetrieveRequest request) {
    Duration hold = request.hold() != null ? request.hold() : policy.holdAfterRetrieve();
    // Also when the tape is already on its way: the new hold keeps the copy online.
    return answered.handle(
        request.requestId(),
        () -> TapeRequests.checkRetrieve(tape.barcode().value(), record),
        v ->
            TapeRequests.retrieve(
                record,
                now(),
                new Hold(request.requestId(), hold, null, request.notifyWorkflowId(), false),
                reason(request.reason(), v),
                request.requestId()));
  }

  @Override
  public void validateExpire(ExpireRequest request) {
    answered.validate(
        request.requestId(), () -> TapeRequests.checkExpire(tape.barcode().value(), record));
  }

  @Override
  public RequestResult expire(ExpireRequest request) {
    RequestResult earlier = answered.answerTo(request.requestId());
    if (earlier != null) {
      return earlier;
    }
    Verdict v = AnsweredRequests.rejectIf(TapeRequests.checkExpire(tape.barcode().value(), record));
    if (!v.accepted()) {
      return answered.remember(request.requestId(), v);
    }
    ExpiryRules.Verdict rules =
        TapeExpiry.evaluate(tape, policy, record, steps, request.dryRun(), now());
    if (request.dryRun()) {
      return new RequestResult(request.requestId(), false, record.state(), rules.summary());
    }
    TapeExpiry.requireAllowed(tape, rules);
    // The facts took a while to gather: the tape may have moved meanwhile.
    return answered.handle(
        request.requestId(),
        () -> TapeRequests.checkExpire(tape.barcode().value(), record),
        again ->
            again.accepted()
                ? TapeRequests.expire(
                    record, now(), reason(request.reason(), again), request.requestId())
                : null);
  }

  @Override
  public void validateResume(ResumeRequest request) {
    answered.validate(
        request.requestId(),
        () -> TapeRequests.checkResume(tape.barcode().value(), record, request.state()));
  }

  @Override
  public RequestResult resume(ResumeRequest request) {
    return answered.handle(
        request.requestId(),
        () -> TapeRequests.checkResume(tape.barcode().value(), record, request.state()),
        v ->
            v.accepted()
                ? TapeRequests.resume(
                    record,
                    now(),
                    request.state(),
                    request.location(),
                    reason(request.reason(), v),
                    request.requestId())
                : null);
  }

  // ---------------------------------------------------------------- signals and query

  @Override
  public void gatewayStatus(GatewayStatus status) {
    whenStarted(
        () -> {
          if (status.barcode().equals(tape.barcode().value())) {
            change(TapeLifecycle.recordGateway(record, status));
          } else {
            log.warn("ignoring gateway status for {} sent to {}", status.barcode(), tape.barcode());
          }
        });
  }

  @Override
  public void volumeStatus(VolumeStatus status) {
    whenStarted(
        () -> {
          if (status.volume().equals(tape.barcode().value())) {
            change(TapeLifecycle.recordVolume(record, status));
          } else {
            log.warn("ignoring volume status for {} sent to {}", status.volume(), tape.barcode());
          }
        });
  }

  @Override
  public void requestRetrieve(RetrieveRequest request) {
    if (record == null) {
      early.add(() -> requestRetrieve(request));
      return;
    }
    try {
      retrieve(request);
    } catch (ApplicationFailure rejected) {
      publisher.notify(
          request.notifyWorkflowId(),
          new TapeNotice(
              tape.barcode().value(),
              request.requestId(),
              TapeNotice.Kind.REJECTED,
              record.state(),
              rejected.getOriginalMessage()));
    }
  }

  @Override
  public void release(ReleaseRequest request) {
    whenStarted(() -> change(TapeRequests.release(record, now(), request.requestId())));
  }

  @Override
  public TapeSnapshot snapshot() {
    return record == null ? null : TapeDetails.snapshot(tape, record);
  }

  /** Runs a signal's work now, or once the run has its record (a signal may come first). */
  private void whenStarted(Runnable work) {
    if (record == null) {
      early.add(work);
    } else {
      work.run();
    }
  }

  // ---------------------------------------------------------------- helpers

  private void continueAsNewIfDue() {
    WorkflowInfo info = Workflow.getInfo();
    boolean due =
        info.isContinueAsNewSuggested()
            || (policy.historyBudget() > 0 && info.getHistoryLength() >= policy.historyBudget());
    if (!due || !Workflow.isEveryHandlerFinished() || !publisher.flushAudit()) {
      return;
    }
    Workflow.continueAsNew(
        ContinueAsNewOptions.newBuilder()
            .setTypedSearchAttributes(TapeSearchAttributes.of(tape, record))
            .build(),
        new TapeInput(tape, policy, record, answered.all()));
  }

  private void change(TapeRecord next) {
    if (!next.equals(record)) {
      record = next;
      changes++;
    }
  }

  private static String reason(String given, Verdict v) {
    return given == null || given.isBlank() ? v.reason() : given;
  }

  private static Instant now() {
    return TapeSteps.now();
  }
}
