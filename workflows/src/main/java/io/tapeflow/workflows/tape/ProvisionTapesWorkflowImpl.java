package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.CreateTapesRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** The provisioning workflow. */
public final class ProvisionTapesWorkflowImpl implements ProvisionTapesWorkflow {
  private static final Logger log = Workflow.getLogger(ProvisionTapesWorkflowImpl.class);

  @Override
  public List<String> provision(ProvisionInput in) {
    GatewayActivities gateway =
        Workflow.newLocalActivityStub(GatewayActivities.class, ActivityProfiles.local());
    TapeTemplate template = in.template();
    if (template.layout() == null) {
      // Read once for the whole batch: each tape's identity carries it for life.
      ChangerActivities changer =
          Workflow.newActivityStub(
              ChangerActivities.class,
              ActivityProfiles.changer(template.library(), in.policy().hostPickup()));
      template = template.withLayout(changer.layout(template.library()));
    }
    List<String> barcodes = new ArrayList<>();
    for (int from = 0; from < in.count(); from += 10) {
      int n = Math.min(10, in.count() - from);
      // Chosen here, from the request id: the same on every retry and replay of this call.
      String token = "tapeflow-" + in.requestId() + "-" + from / 10;
      barcodes.addAll(
          gateway.createTapes(
              new CreateTapesRequest(
                  in.template().gatewayArn(),
                  in.prefix(),
                  n,
                  in.template().sizeBytes(),
                  in.template().awsPool(),
                  token)));
    }
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    List<Promise<?>> started = new ArrayList<>();
    for (String barcode : barcodes) {
      TapeInput input =
          TapeInput.of(template.identity(barcode), in.policy(), TapeRecord.creating(now));
      TapeWorkflow tape =
          Workflow.newChildWorkflowStub(
              TapeWorkflow.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(TapeWorkflows.workflowId(barcode))
                  .setTaskQueue(TaskQueues.TAPEFLOW)
                  .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                  .setTypedSearchAttributes(TapeSearchAttributes.of(input.tape(), input.record()))
                  .setStaticSummary("Tape " + barcode + " on " + in.template().gatewayName())
                  .build());
      Async.procedure(tape::run, input);
      started.add(Workflow.getWorkflowExecution(tape));
    }
    for (int i = 0; i < started.size(); i++) {
      try {
        started.get(i).get();
      } catch (ChildWorkflowFailure alreadyRunning) {
        // The tape's workflow exists (an earlier run of this provisioning started it): fine.
        log.info("tape {} has its workflow already", barcodes.get(i));
      }
    }
    return barcodes;
  }
}
