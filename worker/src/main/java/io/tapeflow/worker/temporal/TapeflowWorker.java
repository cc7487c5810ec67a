package io.tapeflow.worker.temporal;

import io.tapeflow.activities.bacula.BaculaActivitiesImpl;
import io.tapeflow.activities.bacula.Directors;
import io.tapeflow.activities.changer.ChangerActivitiesImpl;
import io.tapeflow.activities.changer.Libraries;
import io.tapeflow.activities.gateway.GatewayActivitiesImpl;
import io.tapeflow.activities.manifest.ManifestActivitiesImpl;
import io.tapeflow.worker.adopt.StartupReconciler;
import io.tapeflow.worker.config.BaculaConfig;
import io.tapeflow.worker.config.GatewayConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.config.TemporalMode;
import io.tapeflow.worker.events.JobEventForwarder;
import io.tapeflow.worker.events.JobEventSpool;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflow;
import io.tapeflow.workflows.gateway.WatcherInput;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tapeflow worker}, the composition root: from the validated config it opens Temporal in its
 * mode, the outside parts ({@link WorkerParts}), runs the workers of the task queues this host
 * serves ({@code tapeflow}, {@code changer/<gateway>} for each changer that answered, {@code
 * bacula/<director>}), each gateway's watcher, reconciles ({@link StartupReconciler}) and drains
 * the job-end spool. {@link #close()} stops them in reverse order: workers first (in-flight tasks
 * finish), then Temporal (a dev server stops), then the parts.
 */
public final class TapeflowWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TapeflowWorker.class);
  private static final Duration JOB_POLL = Duration.ofSeconds(2);
  private static final Duration SPOOL_POLL = Duration.ofSeconds(2);

  private final TemporalConnection temporal;
  private final WorkerParts parts;
  private final TapeflowWorkers workers;
  private final boolean ownsParts;
  private final List<String> queues;
  private JobEventSpool spool;

  private TapeflowWorker(
      TemporalConnection temporal,
      WorkerParts parts,
      TapeflowWorkers workers,
      boolean ownsParts,
      List<String> queues) {
    this.temporal = temporal;
    this.parts = parts;
    this.workers = workers;
    this.ownsParts = ownsParts;
    this.queues = List.copyOf(queues);
  }

  /**
   * Starts everything the config names.
   *
   * @param path the PATH, where the {@code temporal} binary is looked for
   */
  public static TapeflowWorker start(TapeflowConfig config, String path) {
    long t0 = System.nanoTime();
    TemporalConnection t = TemporalModes.connect(config.temporal(), config.state(), path);
    WorkerParts parts;
    try {
      parts = WorkerParts.open(config);
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    TapeflowWorker w = start(config, t, parts, true);
    LOG.info(
        "tapeflow worker started in {} ms: Temporal {} ({}), queues {}",
        (System.nanoTime() - t0) / 1_000_000,
        t.address(),
        config.temporal().mode().configName(),
        w.queues());
    return w;
  }

  /**
   * Starts the workers and watchers on an open connection with the given parts; closing the worker
   * closes {@code temporal}, and {@code parts} only when {@code ownsParts}.
   */
  public static TapeflowWorker start(
      TapeflowConfig config, TemporalConnection temporal, WorkerParts parts, boolean ownsParts) {
    BaculaConfig b = config.bacula();
    Directors directors =
        new Directors(
            Map.of(
                b.director(),
                new Directors.Director(
                    parts.console(),
                    b.storage().value(),
                    0,
                    b.restoreJob().value(),
                    b.restoreWhere().map(Path::toString).orElse(null),
                    JOB_POLL)));
    TapeflowWorkers.Builder builder =
        TapeflowWorkers.on(temporal.client())
            .tapeflow(
                new GatewayActivitiesImpl(parts.sgw(), Clock.systemUTC()),
                new ManifestActivitiesImpl(
                    parts.s3(), config.manifests().bucket(), config.manifests().prefix()))
            .bacula(b.director(), new BaculaActivitiesImpl(directors, ZoneId.systemDefault()))
            // The embedded server runs in this JVM, so sticky queues die with the worker.
            .sticky(true);
    ChangerActivitiesImpl changers = new ChangerActivitiesImpl(new Libraries(parts.changers()));
    parts.changers().keySet().forEach(name -> builder.changer(name, changers));
    TapeflowWorkers workers = builder.start();
    List<String> queues =
        new ArrayList<>(List.of(TaskQueues.TAPEFLOW, TaskQueues.bacula(b.director())));
    parts.changers().keySet().forEach(n -> queues.add(TaskQueues.changer(n)));
    TapeflowWorker w = new TapeflowWorker(temporal, parts, workers, ownsParts, queues);
    for (GatewayConfig g : config.gateways()) {
      w.watch(g);
    }
    StartupReconciler.run(
        config, temporal.client(), parts.sgw(), parts.changers(), parts.console());
    // After the reconcile, so that events for adopted tapes find their workflows.
    w.spool =
        new JobEventSpool(
                config.spool(), new JobEventForwarder(temporal.client(), parts.console()::volume))
            .start(SPOOL_POLL);
    if (config.temporal().mode() == TemporalMode.EMBEDDED) {
      LOG.warn(
          "temporal.mode embedded keeps nothing: every workflow is lost when the worker stops");
    }
    return w;
  }

  /** Starts the gateway's watcher unless it runs already (a restarted worker finds it running). */
  private void watch(GatewayConfig g) {
    GatewayWatcherWorkflow watcher =
        temporal
            .client()
            .newWorkflowStub(
                GatewayWatcherWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(GatewayWatcherWorkflow.workflowId(g.name()))
                    .setTaskQueue(TaskQueues.TAPEFLOW)
                    .setWorkflowIdConflictPolicy(
                        WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                    .build());
    WorkflowClient.start(watcher::watch, WatcherInput.of(g.name(), g.arn().value()));
  }

  /** The task queues this worker polls. */
  public List<String> queues() {
    return queues;
  }

  /** The gateways whose changer this worker drives. */
  public Set<String> changers() {
    return parts.changers().keySet();
  }

  /** The job-end spool this worker drains. */
  public JobEventSpool spool() {
    return spool;
  }

  public TemporalConnection temporal() {
    return temporal;
  }

  @Override
  public void close() {
    LOG.info("tapeflow worker stopping");
    try {
      if (spool != null) {
        spool.close();
      }
      workers.close();
    } finally {
      try {
        temporal.close();
      } finally {
        if (ownsParts) {
          parts.close();
        }
      }
    }
  }
}
