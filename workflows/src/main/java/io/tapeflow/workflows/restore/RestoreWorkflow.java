package io.tapeflow.workflows.restore;

import io.tapeflow.workflows.tape.TapeNotice;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/**
 * A restore of one Bacula job; workflow id {@code restore/<requestId>}, task queue {@code
 * tapeflow}. Tapes on the shelf are retrieved in parallel (each tape's own workflow does it), the
 * restore job runs once every volume is online, and the retrieved copies are released afterwards,
 * also when the restore fails.
 */
@WorkflowInterface
public interface RestoreWorkflow {

  @WorkflowMethod
  RestoreResult restore(RestoreInput input);

  /** A tape's answer to its retrieve request. */
  @SignalMethod(name = TapeNotice.SIGNAL)
  void tapeNotice(TapeNotice notice);

  /** Each volume and what its tape last said (empty until it answered). */
  @QueryMethod
  Map<String, String> volumes();

  /** The workflow id of a restore. */
  static String workflowId(String requestId) {
    return "restore/" + requestId;
  }
}
