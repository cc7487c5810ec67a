package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.tape.ArchiveRequest;
import io.tapeflow.workflows.tape.RequestResult;
import io.tapeflow.workflows.tape.TapeWorkflow;
import picocli.CommandLine.Command;

/** {@code tapeflow tapes archive BC…}: sends Full tapes (or retrieved copies) to the shelf. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Send Full tapes, or retrieved copies, to the shelf.")
final class TapesArchiveCommand extends TapeUpdateCommand {
  @Override
  RequestResult send(TapeWorkflow tape) {
    return tape.archive(new ArchiveRequest(requestId, "tapeflow tapes archive"));
  }
}
