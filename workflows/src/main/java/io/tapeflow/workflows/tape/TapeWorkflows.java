package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.IllegalTransitionException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;

/** Ids and start options of tape workflows, for whoever starts them (CLI, policies, reconcile). */
public final class TapeWorkflows {
  private TapeWorkflows() {}

  /**
   * Whether a failure returned to an update is a rejection by the lifecycle (the request did not
   * fit the tape; its message says why): type {@code IllegalTransition}, or, from a validator, the
   * class name of {@link IllegalTransitionException}.
   */
  public static boolean isRejection(ApplicationFailure f) {
    return Failures.ILLEGAL_TRANSITION.equals(f.getType())
        || IllegalTransitionException.class.getName().equals(f.getType());
  }

  /** The workflow id of a tape: {@code tape/<BARCODE>}. */
  public static String workflowId(Barcode barcode) {
    return "tape/" + barcode.value();
  }

  /**
   * The workflow id of a tape named by text, for callers that hold the barcode as a String (CLI).
   *
   * @throws IllegalArgumentException if the text is not a valid barcode
   */
  public static String workflowId(String barcode) {
    return workflowId(Barcode.of(barcode));
  }

  /**
   * Options to start (or join) a tape's workflow: the conflict policy is <em>use existing</em>, so
   * starting every tape again at each worker start is harmless.
   */
  public static WorkflowOptions startOptions(TapeInput input) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(input.tape().barcode()))
        .setTaskQueue(TaskQueues.TAPEFLOW)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(TapeSearchAttributes.of(input.tape(), input.record()))
        .setStaticSummary("Tape " + input.tape().barcode() + " on " + input.tape().gatewayName())
        .build();
  }
}
