package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.RequestResult;
import io.tapeflow.workflows.tape.RetrieveRequest;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow tapes retrieve BC… [--wait]}: read-only copies back from the shelf; with {@code
 * --wait} until each is online (or failed), showing the ETA from the typical retrieval time.
 */
@Command(
    name = "retrieve",
    mixinStandardHelpOptions = true,
    description = "Bring read-only copies back from the shelf.")
final class TapesRetrieveCommand extends TapeUpdateCommand {
  static final Duration POLL = Duration.ofSeconds(5);

  @Option(names = "--wait", description = "Wait until each copy is online.")
  boolean await;

  @Override
  RequestResult send(TapeWorkflow tape) {
    return tape.retrieve(new RetrieveRequest(requestId, "tapeflow tapes retrieve", null, null));
  }

  @Override
  int after(TapeflowConfig c, List<String> accepted) throws InterruptedException {
    if (!await || accepted.isEmpty()) {
      return 0;
    }
    TemporalConnection t = temporal(c);
    Instant start = Instant.now();
    Progress p = new Progress(out(), Progress.onTerminal(), start);
    while (true) {
      int online = 0;
      int failed = 0;
      Instant eta = null;
      for (String b : accepted) {
        TapeSnapshot s =
            t.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(b)).snapshot();
        if (s.state() == TapeState.ONLINE_READ_ONLY) {
          online++;
        } else if (s.state() == TapeState.FAILED) {
          failed++;
        } else {
          Instant e =
              s.record().since().plus(TypicalTimes.retrieval(s.record().storageClass(), null));
          eta = eta == null || e.isAfter(eta) ? e : eta;
        }
      }
      p.show(
          online
              + "/"
              + accepted.size()
              + " online"
              + (failed > 0 ? ", " + failed + " failed" : ""),
          Instant.now(),
          eta);
      if (online + failed == accepted.size()) {
        p.done();
        return failed > 0 ? 1 : 0;
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
