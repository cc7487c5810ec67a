package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.GatewayConfig;
import io.tapeflow.worker.config.PoolConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.ProvisionInput;
import io.tapeflow.workflows.tape.ProvisionTapesWorkflow;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeTemplate;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow tapes create --pool P --count N [--wait]}: starts a {@link
 * ProvisionTapesWorkflow} for a configured pool (its gateway, shelf, barcode prefix and size; the
 * changer queue is named after the gateway, as the worker names it). With {@code --wait}, until the
 * new tapes are SCRATCH (ready for Bacula) or FAILED.
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create new tapes.")
final class TapesCreateCommand extends OperatorCommand {
  @Option(names = "--pool", required = true, paramLabel = "P", description = "A configured pool.")
  String pool;

  @Option(names = "--count", required = true, paramLabel = "N", description = "1 to 100 tapes.")
  int count;

  @Option(names = "--wait", description = "Wait until the new tapes are SCRATCH.")
  boolean await;

  @Override
  void validate() {
    if (count < 1 || count > 100) {
      throw new UsageException("--count must be 1 to 100, got " + count);
    }
  }

  /** What the pool's new tapes share. */
  static TapeTemplate template(TapeflowConfig c, PoolConfig p) {
    GatewayConfig g = c.gateway(p.gateway()).orElseThrow();
    try {
      return new TapeTemplate(
          g.name(),
          g.arn().value(),
          g.name(),
          c.bacula().director(),
          c.bacula().storage().value(),
          p.name().value(),
          p.shelf().poolId(),
          p.tapeSizeBytes(),
          0,
          null); // the library's layout: ProvisionTapesWorkflow reads it from the changer
    } catch (IllegalArgumentException e) {
      throw new UsageException("pool '" + p.name().value() + "': " + e.getMessage());
    }
  }

  @Override
  int run(TapeflowConfig c) throws InterruptedException {
    PoolConfig p = Pools.require(c, pool);
    String requestId = "cli-" + UUID.randomUUID();
    ProvisionInput input =
        new ProvisionInput(
            requestId, template(c, p), p.barcodePrefix(), count, TapePolicy.defaults());
    TemporalConnection t = temporal(c);
    String id = ProvisionTapesWorkflow.workflowId(requestId);
    ProvisionTapesWorkflow w =
        t.client()
            .newWorkflowStub(
                ProvisionTapesWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(TaskQueues.TAPEFLOW)
                    .build());
    WorkflowClient.start(w::provision, input);
    out().println("creating " + count + " tapes in pool " + pool + ": workflow " + id);
    if (!await) {
      return 0;
    }
    out().flush();
    Instant start = Instant.now();
    @SuppressWarnings("unchecked")
    List<String> barcodes = WorkflowStub.fromTyped(w).getResult(List.class);
    out().println("created " + String.join(" ", barcodes));
    return awaitScratch(t, barcodes, start);
  }

  private int awaitScratch(TemporalConnection t, List<String> barcodes, Instant start)
      throws InterruptedException {
    Progress progress = new Progress(out(), Progress.onTerminal(), start);
    while (true) {
      int ready = 0;
      int failed = 0;
      for (String b : barcodes) {
        TapeSnapshot s =
            t.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(b)).snapshot();
        ready += s.state() == TapeState.SCRATCH ? 1 : 0;
        failed += s.state() == TapeState.FAILED ? 1 : 0;
      }
      progress.show(
          ready
              + "/"
              + barcodes.size()
              + " SCRATCH"
              + (failed > 0 ? ", " + failed + " FAILED" : ""),
          Instant.now(),
          null);
      if (ready + failed == barcodes.size()) {
        progress.done();
        return failed > 0 ? 1 : 0;
      }
      Thread.sleep(Duration.ofSeconds(2).toMillis());
    }
  }
}
