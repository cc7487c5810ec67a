package io.tapeflow.workflows.tape;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Creates new tapes at a gateway (CreateTapes, ten per call, each under a ClientToken derived from
 * this workflow's request id, so a retried call returns the same tapes instead of new ones) and
 * starts each tape's own workflow, in CREATING; workflow id {@code provision/<requestId>}.
 */
@WorkflowInterface
public interface ProvisionTapesWorkflow {

  /** Returns the new tapes' barcodes. */
  @WorkflowMethod
  List<String> provision(ProvisionInput input);

  /** The workflow id of a provisioning. */
  static String workflowId(String requestId) {
    return "provision/" + requestId;
  }
}
