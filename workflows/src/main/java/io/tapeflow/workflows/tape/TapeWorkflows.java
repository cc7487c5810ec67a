package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;

/** Ids and start options of tape workflows, for whoever starts them (CLI, policies, reconcile). */
public final class TapeWorkflows {
  private TapeWorkflows() {}

  /** The workflow id of a tape: {@code tape/<BARCODE>}. */
  public static String workflowId(String barcode) {
    return "tape/" + Barcodes.require(barcode);
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
