package io.tapeflow.workflows.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A restore from tapes on the shelf and in the library. */
class RestoreWorkflowTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private RestoreWorkflow startRestore(String id, long job) {
    RestoreWorkflow w =
        t.client.newWorkflowStub(
            RestoreWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RestoreWorkflow.workflowId(id))
                .setTaskQueue(TaskQueues.TAPEFLOW)
                .build());
    WorkflowClient.start(
        w::restore,
        new RestoreInput(
            id, "dir1", job, null, "/restore", Duration.ofHours(6), Duration.ofHours(24)));
    return w;
  }

  @Test
  void restore_retrievesTheShelvedTape_readsTheOneInTheLibrary_andReleasesAfterwards() {
    LifeDriver shelved = new LifeDriver(t, "TAP00060").toArchived();
    LifeDriver inLibrary = new LifeDriver(t, "TAP00061").toFull();
    t.bacula.jobVolumes(42, List.of(shelved.barcode, inLibrary.barcode));

    RestoreWorkflow w = startRestore("r42", 42);
    shelved.settled(TapeState.RETRIEVING);
    t.env.sleep(Duration.ofHours(11));
    assertThat(t.bacula.commands()).noneMatch(c -> c.startsWith("restore"));
    shelved.retrieved();

    RestoreResult r = io.temporal.client.WorkflowStub.fromTyped(w).getResult(RestoreResult.class);
    assertThat(r.volumes()).containsExactly("TAP00060", "TAP00061");
    assertThat(r.retrieved()).containsExactly("TAP00060");
    assertThat(r.jobStatus()).isEqualTo("T");
    assertThat(t.bacula.commands()).containsOnlyOnce("restore jobid=42");
    shelved.settled(TapeState.EJECTING);
    assertThat(inLibrary.snapshot().state()).isEqualTo(TapeState.FULL);
  }

  @Test
  void restore_ofATapeThatFails_fails_andStillReleasesTheOthers() {
    LifeDriver good = new LifeDriver(t, "TAP00062").toArchived();
    LifeDriver bad = new LifeDriver(t, "TAP00063").toArchived();
    t.bacula.jobVolumes(43, List.of(good.barcode, bad.barcode));
    t.gateway.faults.failNext(
        "retrieveTape/" + bad.barcode, io.tapeflow.workflows.common.Failures.GATEWAY_REJECTED, 1);

    RestoreWorkflow w = startRestore("r43", 43);
    good.settled(TapeState.RETRIEVING);
    good.retrieved();
    WorkflowFailedException f =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            WorkflowFailedException.class,
            () -> io.temporal.client.WorkflowStub.fromTyped(w).getResult(RestoreResult.class));
    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    assertThat(f.getCause().getMessage()).contains("cannot be read for the restore");
    assertThat(t.bacula.commands()).noneMatch(c -> c.startsWith("restore"));
    good.settled(TapeState.EJECTING);
  }
}
