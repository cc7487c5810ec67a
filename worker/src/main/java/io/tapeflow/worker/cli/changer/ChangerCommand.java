package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapeflow changer …}: look at and move tapes in a tape library. */
@Command(
    name = "changer",
    description = {
      "See and move tapes in a tape library (the medium changer of an AWS Tape Gateway,",
      "or any SCSI changer) over iSCSI, a /dev/sg device, or mtx.",
      "Moves take the host-wide changer lock and read the library under it first:",
      "a tape already at its destination is not moved, nothing is ever moved blind."
    },
    mixinStandardHelpOptions = true,
    subcommands = {
      ChangerStatusCommand.class,
      ChangerMoveCommand.class,
      ChangerInventoryCommand.class
    })
public final class ChangerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ChangerOpener opener;

  /** With the production transports ({@link Changers#open}). */
  public ChangerCommand() {
    this(Changers::open);
  }

  public ChangerCommand(ChangerOpener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  MediumChanger open(ChangerTarget target) {
    return opener.open(target.uri, target.lockDir);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
