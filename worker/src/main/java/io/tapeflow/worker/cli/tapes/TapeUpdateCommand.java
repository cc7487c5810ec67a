package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.tape.RequestResult;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Parameters;

/**
 * An update sent to each named tape's workflow. Every barcode is checked before anything is sent. A
 * tape that refuses (its validator's {@code IllegalTransition}) prints the reason and is unchanged;
 * the others are still asked; the exit code is then 1.
 */
abstract class TapeUpdateCommand extends OperatorCommand {
  @Parameters(paramLabel = "BARCODE", arity = "1..*", description = "The tapes.")
  List<String> barcodes;

  /** The request id shared by this command's updates (one per invocation). */
  final String requestId = "cli-" + UUID.randomUUID();

  /** Sends this command's update. */
  abstract RequestResult send(TapeWorkflow tape);

  /** After every update was sent: wait if asked; returns the exit code. */
  int after(TapeflowConfig c, List<String> accepted) throws InterruptedException {
    return 0;
  }

  @Override
  void validate() {
    requireBarcodes(barcodes);
  }

  @Override
  final int run(TapeflowConfig c) throws InterruptedException {
    TemporalConnection t = temporal(c);
    int exit = 0;
    List<String> accepted = new java.util.ArrayList<>();
    for (String b : barcodes) {
      TapeWorkflow tape =
          t.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(b));
      try {
        RequestResult r = send(tape);
        out().println(b + ": " + r.state() + ": " + r.message());
        accepted.add(b);
      } catch (WorkflowUpdateException e) {
        if (e.getCause() instanceof ApplicationFailure f && TapeWorkflows.isRejection(f)) {
          err().println(b + ": refused: " + f.getOriginalMessage());
        } else {
          err().println(b + ": failed: " + reason(e));
        }
        exit = 1;
      } catch (WorkflowNotFoundException e) {
        err().println(b + ": no such tape (no workflow tape/" + b + ")");
        exit = 1;
      }
    }
    out().flush();
    int waited = after(c, accepted);
    return Math.max(exit, waited);
  }

  private static String reason(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c instanceof ApplicationFailure f
        ? f.getOriginalMessage()
        : String.valueOf(c.getMessage());
  }
}
