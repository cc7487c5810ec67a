package io.tapeflow.worker.temporal;

import io.tapeflow.workflows.bacula.BaculaActivities;
import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflowImpl;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.tapeflow.workflows.restore.RestoreWorkflowImpl;
import io.tapeflow.workflows.tape.ProvisionTapesWorkflowImpl;
import io.tapeflow.workflows.tape.TapeWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The workers of one tapeflow process, one per task queue it serves: {@code tapeflow} (every
 * workflow, the gateway and manifest activities), {@code changer/<library>} for each changer this
 * host sees, {@code bacula/<director>} for each director this host has a bconsole for.
 */
public final class TapeflowWorkers implements AutoCloseable {
  private final WorkerFactory factory;

  private TapeflowWorkers(WorkerFactory factory) {
    this.factory = factory;
  }

  /** Workers for the given client; add queues, then {@link Builder#start()}. */
  public static Builder on(WorkflowClient client) {
    return new Builder(client);
  }

  /** What runs, and which queues are served. */
  public static final class Builder {
    private final WorkflowClient client;
    private GatewayActivities gateway;
    private ManifestActivities manifests;
    private final Map<String, ChangerActivities> changers = new LinkedHashMap<>();
    private final Map<String, BaculaActivities> directors = new LinkedHashMap<>();
    private boolean sticky = true;

    private Builder(WorkflowClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Serve {@code tapeflow}: the workflows with these gateway and manifest activities. */
    public Builder tapeflow(GatewayActivities gateway, ManifestActivities manifests) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      this.manifests = Objects.requireNonNull(manifests, "manifests");
      return this;
    }

    /** Serve {@code changer/<library>}: only on the host that sees that changer. */
    public Builder changer(String library, ChangerActivities activities) {
      changers.put(TaskQueues.requireName("library", library), activities);
      return this;
    }

    /** Serve {@code bacula/<director>}: on hosts with that director's bconsole. */
    public Builder bacula(String director, BaculaActivities activities) {
      directors.put(TaskQueues.requireName("director", director), activities);
      return this;
    }

    /**
     * Whether workflow tasks may go to this worker's sticky queue. Turn it off when the embedded
     * server runs in another process: its test server never reroutes a dead worker's sticky tasks
     * (measured), so a restarted worker would leave workflows stuck.
     */
    public Builder sticky(boolean sticky) {
      this.sticky = sticky;
      return this;
    }

    /** Creates the workers and starts polling. */
    public TapeflowWorkers start() {
      if (gateway == null && changers.isEmpty() && directors.isEmpty()) {
        throw new IllegalStateException(
            "no task queue to serve: configure tapeflow, a changer or a director");
      }
      WorkerFactory factory = WorkerFactory.newInstance(client);
      WorkerOptions.Builder options = WorkerOptions.newBuilder();
      if (!sticky) {
        options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
      }
      if (gateway != null) {
        Worker w = factory.newWorker(TaskQueues.TAPEFLOW, options.build());
        w.registerWorkflowImplementationTypes(
            TapeWorkflowImpl.class,
            GatewayWatcherWorkflowImpl.class,
            RestoreWorkflowImpl.class,
            ProvisionTapesWorkflowImpl.class);
        w.registerActivitiesImplementations(gateway, manifests);
      }
      changers.forEach(
          (library, a) ->
              factory
                  .newWorker(TaskQueues.changer(library), options.build())
                  .registerActivitiesImplementations(a));
      directors.forEach(
          (director, a) ->
              factory
                  .newWorker(TaskQueues.bacula(director), options.build())
                  .registerActivitiesImplementations(a));
      factory.start();
      return new TapeflowWorkers(factory);
    }
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
  }
}
