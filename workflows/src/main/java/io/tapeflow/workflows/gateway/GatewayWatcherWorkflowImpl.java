package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/** The gateway watcher: long poll, signal the changed tapes, repeat. */
public final class GatewayWatcherWorkflowImpl implements GatewayWatcherWorkflow {
  private static final Logger log = Workflow.getLogger(GatewayWatcherWorkflowImpl.class);

  private WatcherInput input;
  private Map<String, String> known = new TreeMap<>();
  private WatcherStats stats = WatcherStats.NONE;
  private boolean stopping;

  @Override
  public void watch(WatcherInput in) {
    input = in;
    known = new TreeMap<>(in.known());
    stats = in.stats();
    GatewayActivities gateway =
        Workflow.newActivityStub(
            GatewayActivities.class, ActivityProfiles.gatewayWatch(in.maxWait()));
    while (!stopping) {
      WatchRequest request =
          new WatchRequest(
              in.gatewayArn(),
              known,
              in.fastInterval(),
              in.slowInterval(),
              in.maxWait(),
              in.pageSize());
      List<Promise<TapeChanges>> poll = new ArrayList<>(1);
      CancellationScope scope =
          Workflow.newCancellationScope(
              () -> poll.add(Async.function(gateway::watchTapes, request)));
      scope.run();
      Workflow.await(() -> poll.get(0).isCompleted() || stopping);
      if (!poll.get(0).isCompleted()) {
        scope.cancel();
        break;
      }
      TapeChanges changes;
      try {
        changes = poll.get(0).get();
      } catch (ActivityFailure f) {
        if (f.getCause() instanceof CanceledFailure) {
          break;
        }
        // Only a failure no retry can fix gets here (an unknown gateway, a refused request):
        // look again after the slow interval, so that a fixed configuration heals by itself.
        log.error("watching gateway {} failed: {}", in.gatewayName(), f.getMessage());
        Workflow.await(in.slowInterval(), () -> stopping);
        continue;
      }
      signal(changes);
      continueAsNewIfDue();
    }
  }

  private void signal(TapeChanges changes) {
    Instant at = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    List<Promise<Void>> sent = new ArrayList<>();
    for (GatewayStatus s : changes.changes()) {
      if (GatewayStatuses.PROGRESS.contains(s.status())) {
        continue;
      }
      TapeWorkflow tape =
          Workflow.newExternalWorkflowStub(
              TapeWorkflow.class, TapeWorkflows.workflowId(s.barcode()));
      sent.add(Async.procedure(tape::gatewayStatus, s));
    }
    known = new TreeMap<>(TapeStatusDiff.apply(known, changes.changes()));
    int delivered = 0;
    int undelivered = 0;
    for (Promise<Void> p : sent) {
      try {
        p.get();
        delivered++;
      } catch (RuntimeException notManaged) {
        // A tape without a workflow: reconciliation adopts it; the watcher does not create it.
        undelivered++;
      }
    }
    stats = stats.plus(changes, delivered, undelivered, at);
  }

  private void continueAsNewIfDue() {
    WorkflowInfo info = Workflow.getInfo();
    boolean due =
        info.isContinueAsNewSuggested()
            || (input.historyBudget() > 0 && info.getHistoryLength() >= input.historyBudget());
    if (due && !stopping && Workflow.isEveryHandlerFinished()) {
      Workflow.continueAsNew(
          new WatcherInput(
              input.gatewayName(),
              input.gatewayArn(),
              input.fastInterval(),
              input.slowInterval(),
              input.maxWait(),
              input.pageSize(),
              input.historyBudget(),
              known,
              stats));
    }
  }

  @Override
  public void stop() {
    stopping = true;
  }

  @Override
  public WatcherSnapshot snapshot() {
    Map<String, String> moving = new TreeMap<>();
    known.forEach(
        (barcode, status) -> {
          if (GatewayStatuses.MOVING.contains(status)) {
            moving.put(barcode, status);
          }
        });
    return new WatcherSnapshot(
        input == null ? null : input.gatewayName(),
        known.size(),
        moving,
        stats,
        Workflow.getInfo().getHistoryLength());
  }
}
