package io.tapeflow.workflows.gateway;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Watches one gateway's tapes and signals each tape workflow whose status changed ({@code
 * gatewayStatus}); workflow id {@code gateway-watcher/<gatewayName>}, task queue {@code tapeflow}.
 * Progress-only statuses ({@code GatewayStatuses.PROGRESS}) are tracked but not signalled. Its
 * long-poll activity lists the tapes page by page, fast while a tape is moving and slow otherwise,
 * so the gateway sees calls per page, never per tape. It continues as new when its history grows,
 * carrying the statuses it knows.
 */
@WorkflowInterface
public interface GatewayWatcherWorkflow {

  /** Watches until stopped. */
  @WorkflowMethod
  void watch(WatcherInput input);

  /** Stops watching after the current poll. */
  @SignalMethod
  void stop();

  /** What the watcher knows and has done. */
  @QueryMethod
  WatcherSnapshot snapshot();

  /** The watcher's workflow id for a gateway. */
  static String workflowId(String gatewayName) {
    return "gateway-watcher/" + gatewayName;
  }
}
