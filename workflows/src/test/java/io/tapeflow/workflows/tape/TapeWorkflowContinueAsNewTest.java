package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tape's workflow continues as new in the middle of its life and loses nothing. */
class TapeWorkflowContinueAsNewTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void continueAsNew_midLife_carriesTheStateAndTheAnsweredRequests() {
    TapePolicy policy = TapePolicy.newBuilder().allowEarlyDeletion(true).historyBudget(30).build();
    LifeDriver d = new LifeDriver(t, "TAP00040", policy);
    Set<String> runs = new LinkedHashSet<>();
    d.toFull();
    runs.add(runId(d.barcode));

    RequestResult first = d.tape().archive(new ArchiveRequest("vault-1", "weekly"));
    d.settled(TapeState.IN_TRANSIT);
    d.shelved();
    TapeSnapshot archived = d.settled(TapeState.ARCHIVED);
    runs.add(runId(d.barcode));
    assertThat(runs).as("a new run since the budget of 30 events").hasSizeGreaterThan(1);
    assertThat(archived.historyLength()).isLessThan(60);

    // The request answered in an earlier run is still known: repeating it is harmless.
    assertThat(d.tape().archive(new ArchiveRequest("vault-1", "weekly"))).isEqualTo(first);
    // The whole record came along: manifest done, archive date, the transitions.
    assertThat(archived.record().manifestWritten()).isTrue();
    assertThat(archived.record().recent()).extracting(x -> x.to()).contains(TapeState.FULL);

    d.retrieve(Duration.ofHours(2));
    d.settled(TapeState.RETRIEVING);
    d.retrieved();
    d.settled(TapeState.ONLINE_READ_ONLY);
    runs.add(runId(d.barcode));
    t.env.sleep(Duration.ofHours(2));
    d.settled(TapeState.EJECTING);
    d.shelved();
    d.settled(TapeState.ARCHIVED);
    d.expire();
    t.client.newUntypedWorkflowStub(TapeWorkflows.workflowId(d.barcode)).getResult(Void.class);
    assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
    String firstRun = runs.iterator().next();
    assertThat(status(d.barcode, firstRun))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    assertThat(t.manifest.audit(d.barcode))
        .extracting(a -> a.seq())
        .as("one audit record per transition across all runs")
        .doesNotHaveDuplicates()
        .isSorted();
    assertThat(t.searchAttributes(d.barcode).get(TapeSearchAttributes.STATE)).isEqualTo("DELETED");
  }

  private String runId(String barcode) {
    return t.client
        .newUntypedWorkflowStub(TapeWorkflows.workflowId(barcode))
        .describe()
        .getExecution()
        .getRunId();
  }

  private WorkflowExecutionStatus status(String barcode, String runId) {
    return t.env
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(t.env.getNamespace())
                .setExecution(
                    WorkflowExecution.newBuilder()
                        .setWorkflowId(TapeWorkflows.workflowId(barcode))
                        .setRunId(runId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
