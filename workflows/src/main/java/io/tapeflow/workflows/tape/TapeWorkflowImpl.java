package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.lifecycle.ExpiryRules;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.IllegalTransitionException;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeRequests;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.Transition;
import io.tapeflow.workflows.lifecycle.Verdict;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.Promise;
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
 * status poll. Handlers only record facts and apply validated requests; the loop does the rest.
 */
public final class TapeWorkflowImpl implements TapeWorkflow {
  private static final Logger log = Workflow.getLogger(TapeWorkflowImpl.class);

  /** How many answered requests are remembered (and carried across continue-as-new). */
  static final int REMEMBERED = 16;

  private TapeIdentity tape;
  private TapePolicy policy;
  private TapeRecord record;
  private TapeSteps steps;
  private TapeWaits waits;
  private ManifestActivities audit;

  private final List<RequestResult> answered = new ArrayList<>();
  private final List<Runnable> early = new ArrayList<>();
  private final List<AuditRecord> pendingAudit = new ArrayList<>();
  private int changes;
  private int publishedSeq;
  private String publishedLocation;
  private String publishedState;

  @Override
  public void run(TapeInput input) {
    tape = input.tape();
    policy = input.policy();
    record = input.record();
    answered.addAll(input.answered());
    steps = new TapeSteps(tape, policy);
    waits = new TapeWaits(tape, policy, steps);
    audit = Workflow.newLocalActivityStub(ManifestActivities.class, ActivityProfiles.audit());
    publishedSeq = record.seq();
    syncSearchAttributes();
    early.forEach(Runnable::run);
    early.clear();

    while (true) {
      record = TapeLifecycle.advance(record, now(), policy.holdAfterRetrieve());
      publish();
      Step step = TapeLifecycle.nextStep(record);
      if (step != null) {
        if (step == Step.DELETE && !flushAudit()) {
          record =
              TapeLifecycle.failed(
                  record,
                  new Failure(
                      step,
                      Failures.MANIFEST_STORE_UNAVAILABLE,
                      "the audit record of the deletion could not be written, so the tape was not"
                          + " deleted: check S3, then resume"),
                  now());
          continue;
        }
        UnaryOperator<TapeRecord> outcome = steps.perform(step, record);
        record = outcome.apply(record);
        continue;
      }
      if (record.state() == TapeState.DELETED) {
        break;
      }
      if (restingFor(record)) {
        flushAudit();
      }
      continueAsNewIfDue();
      int seen = changes;
      UnaryOperator<TapeRecord> woken = waits.await(record, () -> changes != seen);
      record = woken.apply(record);
    }
    waits.disarm();
    publish();
    flushAudit();
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  // ---------------------------------------------------------------- updates

  @Override
  public void validateArchive(ArchiveRequest request) {
    requireStarted();
    if (answerTo(request.requestId()) == null) {
      rejectInValidator(TapeRequests.checkArchive(tape.barcode(), record));
    }
  }

  @Override
  public RequestResult archive(ArchiveRequest request) {
    RequestResult earlier = answerTo(request.requestId());
    if (earlier != null) {
      return earlier;
    }
    Verdict v = rejectIf(TapeRequests.checkArchive(tape.barcode(), record));
    if (v.accepted()) {
      change(TapeRequests.archive(record, now(), reason(request.reason(), v), request.requestId()));
    }
    return remember(request.requestId(), v);
  }

  @Override
  public void validateRetrieve(RetrieveRequest request) {
    requireStarted();
    if (answerTo(request.requestId()) == null) {
      rejectInValidator(TapeRequests.checkRetrieve(tape.barcode(), record));
    }
  }

  @Override
  public RequestResult retrieve(RetrieveRequest request) {
    RequestResult earlier = answerTo(request.requestId());
    if (earlier != null) {
      return earlier;
    }
    Verdict v = rejectIf(TapeRequests.checkRetrieve(tape.barcode(), record));
    Duration hold = request.hold() != null ? request.hold() : policy.holdAfterRetrieve();
    change(
        TapeRequests.retrieve(
            record,
            now(),
            new Hold(request.requestId(), hold, null, request.notifyWorkflowId(), false),
            reason(request.reason(), v),
            request.requestId()));
    return remember(request.requestId(), v);
  }

  @Override
  public void validateExpire(ExpireRequest request) {
    requireStarted();
    if (answerTo(request.requestId()) == null) {
      rejectInValidator(TapeRequests.checkExpire(tape.barcode(), record));
    }
  }

  @Override
  public RequestResult expire(ExpireRequest request) {
    RequestResult earlier = answerTo(request.requestId());
    if (earlier != null) {
      return earlier;
    }
    Verdict v = rejectIf(TapeRequests.checkExpire(tape.barcode(), record));
    if (!v.accepted()) {
      return remember(request.requestId(), v);
    }
    ExpiryRules.Verdict rules = expiryRules(request.dryRun());
    if (request.dryRun()) {
      return new RequestResult(request.requestId(), false, record.state(), rules.summary());
    }
    if (!rules.allowed()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "tape " + tape.barcode() + " is not deleted: " + rules.summary(),
          Failures.ILLEGAL_TRANSITION);
    }
    // The facts took a while to gather: the tape may have moved meanwhile.
    Verdict again = rejectIf(TapeRequests.checkExpire(tape.barcode(), record));
    if (again.accepted()) {
      change(
          TapeRequests.expire(record, now(), reason(request.reason(), again), request.requestId()));
    }
    return remember(request.requestId(), again);
  }

  private ExpiryRules.Verdict expiryRules(boolean dryRun) {
    Promise<VolumeInfo> volume =
        Async.function(
            steps.bacula()::volumeInfo, new VolumeRequest(tape.director(), tape.barcode(), null));
    Promise<TapeInfo> shelf =
        Async.function(
            steps.gateway()::describeTape, new TapeRequest(tape.gatewayArn(), tape.barcode()));
    String volStatus;
    try {
      volStatus = volume.get().volStatus();
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure a
          && Failures.VOLUME_NOT_FOUND.equals(a.getType())) {
        volStatus = null;
      } else {
        throw ApplicationFailure.newNonRetryableFailure(
            "tape "
                + tape.barcode()
                + " is not deleted: Bacula could not be asked about it ("
                + steps.failureOf(Step.DELETE, f).describe()
                + ")",
            Failures.ILLEGAL_TRANSITION);
      }
    }
    TapeInfo info;
    try {
      info = shelf.get();
    } catch (ActivityFailure f) {
      throw ApplicationFailure.newNonRetryableFailure(
          "tape "
              + tape.barcode()
              + " is not deleted: the gateway could not be asked about it ("
              + steps.failureOf(Step.DELETE, f).describe()
              + ")",
          Failures.ILLEGAL_TRANSITION);
    }
    return ExpiryRules.evaluate(
        new ExpiryRules.Facts(
            tape.barcode(),
            volStatus,
            record.lastWrittenAt(),
            policy.retention(),
            record.archivedAt() != null ? record.archivedAt() : info.archivedAt(),
            record.storageClass() != null ? record.storageClass() : steps.storageClass(info),
            policy.allowEarlyDeletion(),
            info.lockType(),
            info.lockUntil(),
            policy.bypassGovernance(),
            dryRun,
            now()));
  }

  @Override
  public void validateResume(ResumeRequest request) {
    requireStarted();
    if (answerTo(request.requestId()) == null) {
      rejectInValidator(TapeRequests.checkResume(tape.barcode(), record, request.state()));
    }
  }

  @Override
  public RequestResult resume(ResumeRequest request) {
    RequestResult earlier = answerTo(request.requestId());
    if (earlier != null) {
      return earlier;
    }
    Verdict v = rejectIf(TapeRequests.checkResume(tape.barcode(), record, request.state()));
    if (v.accepted()) {
      change(
          TapeRequests.resume(
              record,
              now(),
              request.state(),
              request.location(),
              reason(request.reason(), v),
              request.requestId()));
    }
    return remember(request.requestId(), v);
  }

  // ---------------------------------------------------------------- signals and query

  @Override
  public void gatewayStatus(GatewayStatus status) {
    if (record == null) {
      early.add(() -> gatewayStatus(status));
    } else if (!status.barcode().equals(tape.barcode())) {
      log.warn("ignoring gateway status for {} sent to tape {}", status.barcode(), tape.barcode());
    } else {
      change(TapeLifecycle.recordGateway(record, status));
    }
  }

  @Override
  public void volumeStatus(VolumeStatus status) {
    if (record == null) {
      early.add(() -> volumeStatus(status));
    } else if (!status.volume().equals(tape.barcode())) {
      log.warn("ignoring volume status for {} sent to tape {}", status.volume(), tape.barcode());
    } else {
      change(TapeLifecycle.recordVolume(record, status));
    }
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
      notify(
          request.notifyWorkflowId(),
          new TapeNotice(
              tape.barcode(),
              request.requestId(),
              TapeNotice.Kind.REJECTED,
              record.state(),
              rejected.getOriginalMessage()));
    }
  }

  @Override
  public void release(ReleaseRequest request) {
    if (record == null) {
      early.add(() -> release(request));
    } else {
      change(TapeRequests.release(record, now(), request.requestId()));
    }
  }

  @Override
  public TapeSnapshot snapshot() {
    if (record == null) {
      return null;
    }
    return new TapeSnapshot(
        tape.barcode(),
        record.state(),
        record.location().describe(),
        TapeDetails.waitingFor(tape, record),
        record.failure() == null ? null : record.failure().describe(),
        record,
        Workflow.getInfo().getHistoryLength());
  }

  // ---------------------------------------------------------------- publishing

  /**
   * Audit records and notices for every transition not yet published, and the search attributes of
   * the state the tape settled in: one upsert per change of state or place, however many
   * transitions led there (a state passed through within one workflow task, such as IN_SLOT on the
   * way to LABELING, is in the audit trail, the transitions of the snapshot and the current
   * details, but never stays long enough to be searched for).
   */
  private void publish() {
    String location = record.location().describe();
    String state = record.state().name();
    WorkflowInfo info = Workflow.getInfo();
    for (Transition t : record.recent()) {
      if (t.seq() <= publishedSeq) {
        continue;
      }
      // One line per transition; the workflow logger stays silent while replaying.
      log.info("tape {} {} -> {}: {}", tape.barcode(), t.from(), t.to(), t.reason());
      pendingAudit.add(
          new AuditRecord(
              tape.barcode(),
              t.seq(),
              t.from(),
              t.to(),
              t.at(),
              t.reason(),
              t.requestId(),
              info.getWorkflowId(),
              info.getRunId()));
      if (t.to() == TapeState.FAILED && t.seq() == record.seq()) {
        for (Hold h : record.holds()) {
          notify(
              h.notifyWorkflowId(),
              new TapeNotice(
                  tape.barcode(), h.requestId(), TapeNotice.Kind.FAILED, t.to(), t.reason()));
        }
      }
    }
    publishedSeq = record.seq();
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    if (!state.equals(publishedState)) {
      updates.add(TapeSearchAttributes.STATE.valueSet(state));
      publishedState = state;
    }
    // A place the tape only passes (between two steps, or while the gateway takes it) is not worth
    // an event: it is published with the next state, or when the tape rests there.
    boolean settled =
        !updates.isEmpty() || (TapeLifecycle.nextStep(record) == null && restingFor(record));
    if (settled && !location.equals(publishedLocation)) {
      updates.add(TapeSearchAttributes.LOCATION.valueSet(location));
      publishedLocation = location;
    }
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(new SearchAttributeUpdate<?>[0]));
    }
    if (record.state() == TapeState.ONLINE_READ_ONLY) {
      for (Hold h : record.holds()) {
        if (h.notifyWorkflowId() != null && !h.notified()) {
          notify(
              h.notifyWorkflowId(),
              new TapeNotice(
                  tape.barcode(),
                  h.requestId(),
                  TapeNotice.Kind.READY,
                  record.state(),
                  "the retrieved copy is online in " + location));
          record = TapeLifecycle.holdNotified(record, h.requestId());
        }
      }
    }
    Workflow.setCurrentDetails(TapeDetails.markdown(tape, record));
  }

  /** Sets the attributes a start without them (or an older run) left unset or stale. */
  private void syncSearchAttributes() {
    SearchAttributes current = Workflow.getTypedSearchAttributes();
    SearchAttributes wanted = TapeSearchAttributes.of(tape, record);
    publishedLocation = current.get(TapeSearchAttributes.LOCATION);
    publishedState = current.get(TapeSearchAttributes.STATE);
    if (!wanted.getUntypedValues().equals(current.getUntypedValues())) {
      Workflow.upsertTypedSearchAttributes(
          TapeSearchAttributes.BARCODE.valueSet(tape.barcode()),
          TapeSearchAttributes.STATE.valueSet(record.state().name()),
          TapeSearchAttributes.POOL.valueSet(tape.awsPool()),
          TapeSearchAttributes.LOCATION.valueSet(record.location().describe()),
          TapeSearchAttributes.GATEWAY.valueSet(tape.gatewayName()));
      publishedLocation = record.location().describe();
      publishedState = record.state().name();
    }
  }

  private void notify(String workflowId, TapeNotice notice) {
    if (workflowId == null) {
      return;
    }
    ExternalWorkflowStub listener = Workflow.newUntypedExternalWorkflowStub(workflowId);
    Promise<Void> sent =
        Async.procedure(listener::signal, TapeNotice.SIGNAL, new Object[] {notice});
    // A listener that is gone does not concern the tape.
    sent.exceptionally(
        e -> {
          log.info(
              "could not tell {} about tape {}: {}", workflowId, tape.barcode(), e.getMessage());
          return null;
        });
  }

  /** Writes pending audit records; on failure they stay pending for the next try. */
  private boolean flushAudit() {
    if (pendingAudit.isEmpty()) {
      return true;
    }
    try {
      audit.appendAudit(List.copyOf(pendingAudit));
      pendingAudit.clear();
      return true;
    } catch (ActivityFailure f) {
      log.warn("audit records of tape {} not written yet: {}", tape.barcode(), f.getMessage());
      return false;
    }
  }

  /**
   * Whether the tape may now wait long (days or weeks): then the audit trail is written at once.
   * Waits that end soon (the gateway's work, a running Bacula job) leave it for the next rest,
   * which keeps the history short; the deletion and continue-as-new always write it first.
   */
  private static boolean restingFor(TapeRecord r) {
    return switch (TapeLifecycle.waitingFor(r)) {
      case REQUEST, OPERATOR, HOLD -> true;
      case BACULA -> r.state() == TapeState.SCRATCH;
      default -> false;
    };
  }

  private void continueAsNewIfDue() {
    WorkflowInfo info = Workflow.getInfo();
    boolean due =
        info.isContinueAsNewSuggested()
            || (policy.historyBudget() > 0 && info.getHistoryLength() >= policy.historyBudget());
    if (!due || !Workflow.isEveryHandlerFinished() || !flushAudit()) {
      return;
    }
    Workflow.continueAsNew(
        ContinueAsNewOptions.newBuilder()
            .setTypedSearchAttributes(TapeSearchAttributes.of(tape, record))
            .build(),
        new TapeInput(tape, policy, record, answered));
  }

  // ---------------------------------------------------------------- helpers

  private void change(TapeRecord next) {
    if (!next.equals(record)) {
      record = next;
      changes++;
    }
  }

  private RequestResult answerTo(String requestId) {
    for (RequestResult r : answered) {
      if (r.requestId().equals(requestId)) {
        return r;
      }
    }
    return null;
  }

  private RequestResult remember(String requestId, Verdict v) {
    RequestResult r = new RequestResult(requestId, v.accepted(), record.state(), v.reason());
    answered.add(r);
    while (answered.size() > REMEMBERED) {
      answered.remove(0);
    }
    return r;
  }

  private void requireStarted() {
    if (record == null) {
      throw new IllegalTransitionException("the tape's workflow is starting; retry in a moment");
    }
  }

  /**
   * Rejects an update from its validator. SDK 1.38 drops the type of an {@code ApplicationFailure}
   * thrown by a validator (sdk-java #2875, fixed in a later release), so validators throw {@link
   * IllegalTransitionException}, whose class name then reaches the client as the failure type; see
   * {@link TapeWorkflows#isRejection}.
   */
  private static void rejectInValidator(Verdict v) {
    if (v.rejected()) {
      throw new IllegalTransitionException(v.reason());
    }
  }

  private static Verdict rejectIf(Verdict v) {
    if (v.rejected()) {
      throw ApplicationFailure.newNonRetryableFailure(v.reason(), Failures.ILLEGAL_TRANSITION);
    }
    return v;
  }

  private static String reason(String given, Verdict v) {
    return given == null || given.isBlank() ? v.reason() : given;
  }

  private static Instant now() {
    return TapeSteps.now();
  }
}
