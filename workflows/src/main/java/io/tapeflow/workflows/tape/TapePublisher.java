package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.Transition;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * What the tape workflow shows and tells, inside it: search attributes, the current details, the
 * audit trail (written to S3 when the tape rests) and notices to the workflows holding the tape.
 */
final class TapePublisher {
  private static final Logger log = Workflow.getLogger(TapePublisher.class);

  private final TapeIdentity tape;
  private final ManifestActivities audit;
  private final List<AuditRecord> pendingAudit = new ArrayList<>();
  private int publishedSeq;
  private String publishedLocation;
  private String publishedState;

  TapePublisher(TapeIdentity tape, TapeRecord start) {
    this.tape = tape;
    this.audit = Workflow.newLocalActivityStub(ManifestActivities.class, ActivityProfiles.audit());
    this.publishedSeq = start.seq();
  }

  /**
   * Audit records and notices for every transition not yet published, and the search attributes of
   * the state the tape settled in: one upsert per change of state or place, however many
   * transitions led there (a state passed through within one workflow task, such as IN_SLOT on the
   * way to LABELING, is in the audit trail, the transitions of the snapshot and the current
   * details, but never stays long enough to be searched for).
   *
   * @return the record, with the holds whose workflows were told the copy is online marked
   */
  TapeRecord publish(TapeRecord record) {
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
                  tape.barcode().value(),
                  h.requestId(),
                  TapeNotice.Kind.FAILED,
                  t.to(),
                  t.reason()));
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
                  tape.barcode().value(),
                  h.requestId(),
                  TapeNotice.Kind.READY,
                  record.state(),
                  "the retrieved copy is online in " + location));
          record = TapeLifecycle.holdNotified(record, h.requestId());
        }
      }
    }
    Workflow.setCurrentDetails(TapeDetails.markdown(tape, record));
    return record;
  }

  /** Why a deletion did not start: its audit record could not be written first. */
  static Failure auditNotWritten(Step step) {
    return new Failure(
        step,
        Failures.MANIFEST_STORE_UNAVAILABLE,
        "the audit record of the deletion could not be written, so the tape was not deleted:"
            + " check S3, then resume");
  }

  /** Sets the attributes a start without them (or an older run) left unset or stale. */
  void syncSearchAttributes(TapeRecord record) {
    SearchAttributes current = Workflow.getTypedSearchAttributes();
    SearchAttributes wanted = TapeSearchAttributes.of(tape, record);
    publishedLocation = current.get(TapeSearchAttributes.LOCATION);
    publishedState = current.get(TapeSearchAttributes.STATE);
    if (!wanted.getUntypedValues().equals(current.getUntypedValues())) {
      Workflow.upsertTypedSearchAttributes(
          TapeSearchAttributes.BARCODE.valueSet(tape.barcode().value()),
          TapeSearchAttributes.STATE.valueSet(record.state().name()),
          TapeSearchAttributes.POOL.valueSet(tape.awsPool()),
          TapeSearchAttributes.LOCATION.valueSet(record.location().describe()),
          TapeSearchAttributes.GATEWAY.valueSet(tape.gatewayName()));
      publishedLocation = record.location().describe();
      publishedState = record.state().name();
    }
  }

  /** Signals a notice to a workflow; a listener that is gone does not concern the tape. */
  void notify(String workflowId, TapeNotice notice) {
    if (workflowId == null) {
      return;
    }
    ExternalWorkflowStub listener = Workflow.newUntypedExternalWorkflowStub(workflowId);
    Promise<Void> sent =
        Async.procedure(listener::signal, TapeNotice.SIGNAL, new Object[] {notice});
    sent.exceptionally(
        e -> {
          log.info(
              "could not tell {} about tape {}: {}", workflowId, tape.barcode(), e.getMessage());
          return null;
        });
  }

  /** Writes pending audit records; on failure they stay pending for the next try. */
  boolean flushAudit() {
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
  static boolean restingFor(TapeRecord r) {
    return switch (TapeLifecycle.waitingFor(r)) {
      case REQUEST, OPERATOR, HOLD -> true;
      case BACULA -> r.state() == TapeState.SCRATCH;
      default -> false;
    };
  }
}
