package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.tapeflow.workflows.testing.Tapes;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisionTapesWorkflowTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<String> provision(String requestId, int count) {
    ProvisionTapesWorkflow w =
        t.client.newWorkflowStub(
            ProvisionTapesWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(
                    ProvisionTapesWorkflow.workflowId(requestId) + "/" + System.nanoTime())
                .setTaskQueue(TaskQueues.TAPEFLOW)
                .build());
    TapeTemplate template = Tapes.template("GLACIER", null);
    return w.provision(
        new ProvisionInput(requestId, template, "TFP", count, TapePolicy.defaults()));
  }

  @Test
  void provision_createsTheTapesUnderItsClientToken_andStartsEachTapesWorkflowInCreating() {
    List<String> barcodes = provision("pool-a-1", 12);
    assertThat(barcodes).hasSize(12).doesNotHaveDuplicates().allMatch(b -> b.startsWith("TFP"));
    assertThat(t.gateway.faults.calls("createTapes")).as("ten per call").isEqualTo(2);
    assertThat(t.changer.faults.calls("layout")).as("the layout, once for the batch").isEqualTo(1);
    for (String b : barcodes) {
      TapeSnapshot s = t.until(t.tape(b), x -> x != null, java.time.Duration.ofMinutes(1));
      assertThat(s.state()).isEqualTo(TapeState.CREATING);
    }
    // The same request again: the same ClientTokens, so the same tapes, and their workflows stay.
    assertThat(provision("pool-a-1", 12)).isEqualTo(barcodes);
  }
}
