package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * A deliberately incompatible change of the tape workflow, for the replay test: it waits a minute
 * before the first step, without {@code Workflow.getVersion}. Replaying a recorded history with it
 * must fail.
 */
public final class TimerFirstTapeWorkflow implements TapeWorkflow {
  private final TapeWorkflowImpl inner = new TapeWorkflowImpl();

  @Override
  public void run(TapeInput input) {
    Workflow.sleep(Duration.ofMinutes(1));
    inner.run(input);
  }

  @Override
  public RequestResult archive(ArchiveRequest request) {
    return inner.archive(request);
  }

  @Override
  public void validateArchive(ArchiveRequest request) {
    inner.validateArchive(request);
  }

  @Override
  public RequestResult retrieve(RetrieveRequest request) {
    return inner.retrieve(request);
  }

  @Override
  public void validateRetrieve(RetrieveRequest request) {
    inner.validateRetrieve(request);
  }

  @Override
  public RequestResult expire(ExpireRequest request) {
    return inner.expire(request);
  }

  @Override
  public void validateExpire(ExpireRequest request) {
    inner.validateExpire(request);
  }

  @Override
  public RequestResult resume(ResumeRequest request) {
    return inner.resume(request);
  }

  @Override
  public void validateResume(ResumeRequest request) {
    inner.validateResume(request);
  }

  @Override
  public void gatewayStatus(GatewayStatus status) {
    inner.gatewayStatus(status);
  }

  @Override
  public void volumeStatus(VolumeStatus status) {
    inner.volumeStatus(status);
  }

  @Override
  public void requestRetrieve(RetrieveRequest request) {
    inner.requestRetrieve(request);
  }

  @Override
  public void release(ReleaseRequest request) {
    inner.release(request);
  }

  @Override
  public TapeSnapshot snapshot() {
    return inner.snapshot();
  }
}
