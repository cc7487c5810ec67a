package io.tapeflow.activities.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.changer.AbstractMediumChanger;
import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changer activities retried by Temporal (the Java test server, real time) against the emulator's
 * tgt changer. The gateway keeps exported tapes in their I/E slot for minutes here, so a retry sees
 * where an earlier attempt left the tape.
 */
class ChangerActivitiesRetryIT {
  private static final String QUEUE = "changer/lib1";

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static MediumChanger changer;

  @BeforeAll
  static void start() {
    gw =
        EmulatedGateway.start(
            dir, c -> c.delays(Duration.ZERO, Duration.ofMinutes(20), Duration.ofSeconds(1)));
    changer = gw.openChanger();
  }

  @AfterAll
  static void stop() {
    changer.close();
    gw.close();
  }

  /** One export with a start-to-close timeout shorter than a lock round plus a little. */
  @WorkflowInterface
  public interface ExportOnce {
    @WorkflowMethod
    Location export(MoveRequest request);
  }

  public static class ExportOnceImpl implements ExportOnce {
    @Override
    public Location export(MoveRequest request) {
      ChangerActivities a =
          Workflow.newActivityStub(
              ChangerActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(25))
                  .setRetryOptions(
                      RetryOptions.newBuilder()
                          .setInitialInterval(Duration.ofSeconds(1))
                          .setBackoffCoefficient(1)
                          .setMaximumAttempts(3)
                          .build())
                  .build());
      return a.exportToIe(request);
    }
  }

  @Test
  void exportToIe_whoseAttemptTimedOutWaitingForTheLock_completesOnItsRetry() throws Exception {
    String barcode = "TFRT0001";
    gw.sgw()
        .createTapeWithBarcode(
            b -> b.gatewayARN(gw.gatewayArn()).tapeBarcode(barcode).tapeSizeInBytes(100L << 30));
    Checks.await(() -> changer.locate(barcode).isPresent());
    changer.ensureIn(barcode, ElementType.STORAGE);

    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    try {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(ExportOnceImpl.class);
      worker.registerActivitiesImplementations(
          new ChangerActivitiesImpl(new Libraries(Map.of("lib1", changer))));
      env.start();
      ExportOnce wf =
          env.getWorkflowClient()
              .newWorkflowStub(
                  ExportOnce.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(QUEUE)
                      .setWorkflowId("export-" + barcode)
                      .build());
      MoveRequest request =
          new MoveRequest("lib1", Barcode.of(barcode), Location.slot(-1), "req-" + barcode);

      // Someone else holds the changer until the first attempt has heartbeated while waiting for
      // the lock and timed out, and its retry has started.
      ChangerLock lock = ((AbstractMediumChanger) changer).lock();
      ChangerLock.Held held = lock.acquire(Duration.ofSeconds(10), "test: another move");
      try {
        WorkflowExecution run = WorkflowClient.start(wf::export, request);
        Checks.await(() -> retryStartedOrOver(env, run), Duration.ofSeconds(90));
      } finally {
        held.close();
      }

      Location ie = WorkflowStub.fromTyped(wf).getResult(90, TimeUnit.SECONDS, Location.class);
      assertThat(ie.kind()).isEqualTo(Location.Kind.IE_SLOT);
      assertThat(changer.locate(barcode).map(Element::address)).contains(ie.address());
    } finally {
      env.close();
    }
  }

  private static boolean retryStartedOrOver(TestWorkflowEnvironment env, WorkflowExecution run) {
    DescribeWorkflowExecutionResponse d =
        env.getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(run)
                    .build());
    if (d.getWorkflowExecutionInfo().getStatus()
        != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return true;
    }
    return d.getPendingActivitiesList().stream().anyMatch(a -> a.getAttempt() >= 2);
  }
}
