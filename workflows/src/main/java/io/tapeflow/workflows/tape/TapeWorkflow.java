package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The life of one tape, from creation to deletion; workflow id {@code tape/<BARCODE>}, task queue
 * {@code tapeflow}. It lives as long as the tape (years) and continues as new when its history
 * grows, carrying a compact record.
 *
 * <p>Operator requests are updates with validators: an illegal request is rejected before it enters
 * the history, with a failure of type {@code IllegalTransition} whose message says what was wrong
 * and what to do; the tape is unchanged. A request repeated with the same request id gets the first
 * answer again. Outside facts (gateway statuses, Bacula volume statuses) are signals; stale,
 * duplicate or out-of-order ones change nothing.
 */
@WorkflowInterface
public interface TapeWorkflow {

  /** Runs the tape's life until it is deleted. */
  @WorkflowMethod
  void run(TapeInput input);

  /** Sends a Full tape to the shelf, or a retrieved copy back. */
  @UpdateMethod
  RequestResult archive(ArchiveRequest request);

  @UpdateValidatorMethod(updateName = "archive")
  void validateArchive(ArchiveRequest request);

  /** Brings a read-only copy back from the shelf (and holds it online). */
  @UpdateMethod
  RequestResult retrieve(RetrieveRequest request);

  @UpdateValidatorMethod(updateName = "retrieve")
  void validateRetrieve(RetrieveRequest request);

  /**
   * Deletes an archived tape if every deletion rule holds (Bacula purged it, retention and AWS's
   * minimum storage duration passed, no retention lock, not a dry run); otherwise the update fails
   * naming every rule that does not hold.
   */
  @UpdateMethod
  RequestResult expire(ExpireRequest request);

  @UpdateValidatorMethod(updateName = "expire")
  void validateExpire(ExpireRequest request);

  /** Resumes a FAILED tape (or places an ADOPTED one). */
  @UpdateMethod
  RequestResult resume(ResumeRequest request);

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume(ResumeRequest request);

  /** A status the gateway reported for this tape (from the gateway watcher). */
  @SignalMethod
  void gatewayStatus(GatewayStatus status);

  /** A status Bacula reported for this tape's volume (from the job hooks). */
  @SignalMethod
  void volumeStatus(VolumeStatus status);

  /**
   * A retrieve request from another workflow, which cannot send updates: the answer comes back as a
   * {@link TapeNotice} signal to {@link RetrieveRequest#notifyWorkflowId()}.
   */
  @SignalMethod
  void requestRetrieve(RetrieveRequest request);

  /** A requester no longer needs the retrieved copy; the last release sends it back. */
  @SignalMethod
  void release(ReleaseRequest request);

  /** The tape right now. */
  @QueryMethod
  TapeSnapshot snapshot();
}
