package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.tape.ExpireRequest;
import io.tapeflow.workflows.tape.RequestResult;
import io.tapeflow.workflows.tape.TapeWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapeflow tapes expire BC… [--dry-run]}: deletes archived tapes every rule lets go. */
@Command(
    name = "expire",
    mixinStandardHelpOptions = true,
    description = "Delete archived tapes if every deletion rule holds.")
final class TapesExpireCommand extends TapeUpdateCommand {
  @Option(names = "--dry-run", description = "Only say whether each tape would be deleted.")
  boolean dryRun;

  @Override
  RequestResult send(TapeWorkflow tape) {
    return tape.expire(new ExpireRequest(requestId, "tapeflow tapes expire", dryRun));
  }
}
