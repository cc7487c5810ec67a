package io.tapeflow.workflows.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.tapeflow.workflows.testing.Tapes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayWatcherWorkflowTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private GatewayWatcherWorkflow startWatcher(int historyBudget) {
    WatcherInput input =
        WatcherInput.of(Tapes.GATEWAY, Tapes.GATEWAY_ARN)
            .withIntervals(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30))
            .withHistoryBudget(historyBudget);
    GatewayWatcherWorkflow w =
        t.client.newWorkflowStub(
            GatewayWatcherWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(GatewayWatcherWorkflow.workflowId(Tapes.GATEWAY))
                .setTaskQueue(TaskQueues.TAPEFLOW)
                .build());
    WorkflowClient.start(w::watch, input);
    return w;
  }

  private static TapeChanges changes(List<GatewayStatus> statuses, int tapes, int moving) {
    return new TapeChanges(statuses, 1, 2, 2, 1, tapes, moving);
  }

  @Test
  void watcher_signalsOnlyTheTapesWhoseStatusChanged_andNotProgressOnlyStatuses() {
    LifeDriver one = new LifeDriver(t, "TAP00050").start();
    LifeDriver two = new LifeDriver(t, "TAP00051").start();
    one.settled(TapeState.CREATING);
    two.settled(TapeState.CREATING);
    t.changer.put(one.barcode, Location.ieSlot(1601));
    GatewayWatcherWorkflow w = startWatcher(0);

    Instant at = t.now();
    t.gateway.answerWatch(
        changes(
            List.of(
                GatewayStatus.of(one.barcode, GatewayStatuses.AVAILABLE, at),
                GatewayStatus.of(two.barcode, GatewayStatuses.CREATING, at),
                GatewayStatus.of("ZZZ00001", GatewayStatuses.ARCHIVED, at)),
            3,
            1));
    one.settled(TapeState.SCRATCH);
    waitFor(() -> w.snapshot().stats().polls() >= 1);

    WatcherSnapshot s = w.snapshot();
    assertThat(s.tapes()).isEqualTo(3);
    assertThat(s.movingTapes()).containsOnlyKeys(two.barcode);
    assertThat(s.stats().signalsSent()).as("only TAP00050's AVAILABLE").isEqualTo(1);
    assertThat(s.stats().signalsUndelivered()).as("ZZZ00001 has no workflow").isEqualTo(1);
    assertThat(two.snapshot().record().gateway().observedAt())
        .as(
            "CREATING is progress only: the tape knows it from its own create call, not the watcher")
        .isBefore(at);

    // The next poll knows what was seen, so unchanged tapes cause no signal.
    waitFor(() -> t.gateway.watchRequests().size() >= 2);
    assertThat(t.gateway.watchRequests().get(1).known())
        .containsEntry(one.barcode, GatewayStatuses.AVAILABLE)
        .containsEntry(two.barcode, GatewayStatuses.CREATING)
        .containsEntry("ZZZ00001", GatewayStatuses.ARCHIVED);

    w.stop();
    WorkflowStub.fromTyped(w).getResult(Void.class);
  }

  @Test
  void watcher_continuesAsNew_carryingTheStatusesItKnows() {
    GatewayWatcherWorkflow w = startWatcher(12);
    for (int i = 0; i < 4; i++) {
      t.gateway.answerWatch(
          changes(
              List.of(
                  GatewayStatus.of(
                      String.format("ZZZ%05d", i), GatewayStatuses.AVAILABLE, t.now())),
              i + 1,
              0));
    }
    waitFor(() -> t.gateway.watchRequests().size() >= 5);
    WatcherSnapshot s = w.snapshot();
    assertThat(s.tapes()).isEqualTo(4);
    assertThat(s.stats().polls()).isEqualTo(4);
    assertThat(t.gateway.watchRequests().get(4).known()).hasSize(4);
    String runNow =
        t.client
            .newUntypedWorkflowStub(GatewayWatcherWorkflow.workflowId(Tapes.GATEWAY))
            .describe()
            .getExecution()
            .getRunId();
    String firstRun =
        t.client
            .newUntypedWorkflowStub(GatewayWatcherWorkflow.workflowId(Tapes.GATEWAY))
            .describe()
            .getFirstRunId();
    assertThat(runNow).as("continued as new").isNotEqualTo(firstRun);
    w.stop();
  }

  private void waitFor(BooleanSupplier condition) {
    long end = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long").isLessThan(end);
      t.env.sleep(Duration.ofSeconds(1));
    }
  }
}
