package io.tapeflow.worker.adopt;

import io.tapeflow.activities.changer.ChangerActivitiesImpl;
import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.worker.config.GatewayConfig;
import io.tapeflow.worker.config.PoolConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.tape.TapeIdentity;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeTemplate;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;

/**
 * Reconciliation at worker start (DESIGN, invariant 7): for each gateway whose changer this worker
 * opened, every barcode the gateway lists or the changer holds that belongs to a configured pool
 * (by barcode prefix) gets a tape workflow in state ADOPTED with the facts of the gateway, the
 * changer and the Bacula catalog, which the lifecycle places in its state ({@code TapeAdoption}). A
 * tape that has a workflow, running or closed, is left untouched: the start fails on its id and is
 * counted as already running. On {@code embedded}, which keeps nothing, that adopts every tape.
 *
 * <p>Gateways whose changer this worker did not open are left to the worker that did: their tapes'
 * places in the library are not known here.
 */
public final class StartupReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(StartupReconciler.class);

  /**
   * What one reconciliation did.
   *
   * @param adopted tapes that got a workflow now
   * @param running tapes that had one already
   * @param skipped barcodes that match no configured pool
   * @param failed tapes or sources that could not be read or started (logged)
   */
  public record Result(int adopted, int running, int skipped, int failed) {}

  private final TapeflowConfig config;
  private final WorkflowClient client;
  private final GroundTruth truth;
  private final Clock clock;

  StartupReconciler(
      TapeflowConfig config,
      WorkflowClient client,
      StorageGatewayClient sgw,
      BaculaConsole console,
      Clock clock) {
    this.config = config;
    this.client = client;
    this.truth = new GroundTruth(sgw, console, clock);
    this.clock = clock;
  }

  /**
   * Reconciles the gateways whose changers are open, logs one summary line and returns it; never
   * throws for a source that does not answer (the next start tries again).
   */
  public static Result run(
      TapeflowConfig config,
      WorkflowClient client,
      StorageGatewayClient sgw,
      Map<String, MediumChanger> changers,
      BaculaConsole console) {
    StartupReconciler r = new StartupReconciler(config, client, sgw, console, Clock.systemUTC());
    long t0 = System.nanoTime();
    Result total = new Result(0, 0, 0, 0);
    for (GatewayConfig g : config.gateways()) {
      MediumChanger changer = changers.get(g.name());
      if (changer != null) {
        total = add(total, r.gateway(g, changer));
      }
    }
    LOG.info(
        "reconcile: adopted {}, already running {}, not in a pool {}, failed {} ({} ms)",
        total.adopted(),
        total.running(),
        total.skipped(),
        total.failed(),
        (System.nanoTime() - t0) / 1_000_000);
    return total;
  }

  private static Result add(Result a, Result b) {
    return new Result(
        a.adopted() + b.adopted(),
        a.running() + b.running(),
        a.skipped() + b.skipped(),
        a.failed() + b.failed());
  }

  /** One gateway: its listing and its changer's inventory, then one start per barcode. */
  Result gateway(GatewayConfig g, MediumChanger changer) {
    Map<String, GatewayStatus> listed;
    Map<String, Location> inside;
    LibraryLayout layout;
    try {
      listed = truth.gatewayTapes(g.arn().value());
      Inventory inv = changer.inventory();
      inside = GroundTruth.changerTapes(inv);
      layout = ChangerActivitiesImpl.layoutOf(inv);
    } catch (RuntimeException e) {
      LOG.warn(
          "reconcile: gateway {} or its changer does not answer ({}); its tapes wait for the next"
              + " start",
          g.name(),
          String.valueOf(e.getMessage()).replace('\n', ' '));
      return new Result(0, 0, 0, 1);
    }
    TreeSet<String> barcodes = new TreeSet<>(listed.keySet());
    barcodes.addAll(inside.keySet());
    int adopted = 0;
    int running = 0;
    int skipped = 0;
    int failed = 0;
    for (String barcode : barcodes) {
      Optional<PoolConfig> pool = poolOf(g, barcode);
      if (pool.isEmpty()) {
        skipped++;
        continue;
      }
      try {
        Location at = inside.getOrDefault(barcode, Location.gateway());
        if (adopt(identity(g, pool.get(), barcode, layout), at, listed.get(barcode))) {
          adopted++;
        } else {
          running++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "reconcile: tape {} could not be adopted ({})",
            barcode,
            String.valueOf(e.getMessage()).replace('\n', ' '));
      }
    }
    return new Result(adopted, running, skipped, failed);
  }

  /** The pool of this gateway whose barcode prefix is the longest that starts the barcode. */
  Optional<PoolConfig> poolOf(GatewayConfig g, String barcode) {
    return config.pools().stream()
        .filter(p -> p.gateway().equals(g.name()) && barcode.startsWith(p.barcodePrefix()))
        .max(Comparator.comparingInt(p -> p.barcodePrefix().length()));
  }

  TapeIdentity identity(GatewayConfig g, PoolConfig p, String barcode, LibraryLayout layout) {
    return new TapeTemplate(
            g.name(),
            g.arn().value(),
            g.name(),
            config.bacula().director(),
            config.bacula().storage().value(),
            p.name().value(),
            p.shelf().poolId(),
            p.tapeSizeBytes(),
            0,
            layout)
        .identity(barcode);
  }

  /**
   * Starts the tape's workflow in ADOPTED; false if its id is taken, by a running workflow or a
   * closed one (a deleted tape's workflow is not started again).
   */
  private boolean adopt(TapeIdentity tape, Location at, GatewayStatus listed) {
    if (exists(tape.workflowId())) {
      return false;
    }
    Instant now = clock.instant();
    VolumeStatus volume = truth.volume(tape.barcode().value()).orElse(null);
    TapeInput input =
        TapeInput.of(tape, TapePolicy.defaults(), TapeRecord.adopted(now, at, listed, volume));
    WorkflowOptions options =
        TapeWorkflows.startOptions(input).toBuilder()
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      WorkflowClient.start(client.newWorkflowStub(TapeWorkflow.class, options)::run, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
    LOG.info(
        "reconcile: adopted tape {} at {} (gateway {}, Bacula {})",
        tape.barcode(),
        at,
        listed == null ? "does not list it" : listed.status(),
        volume == null ? "does not know it" : volume.volStatus());
    return true;
  }

  /**
   * Whether a workflow has this id (one cheap call that spares the catalog look-up for the tapes
   * that have one); when it cannot tell, the start below decides.
   */
  private boolean exists(String workflowId) {
    try {
      client.newUntypedWorkflowStub(workflowId).describe();
      return true;
    } catch (RuntimeException notFound) {
      return false;
    }
  }
}
