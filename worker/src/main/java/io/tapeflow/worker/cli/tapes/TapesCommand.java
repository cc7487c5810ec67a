package io.tapeflow.worker.cli.tapes;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapeflow tapes}: list, show, create and move tapes through their workflows. */
@Command(
    name = "tapes",
    mixinStandardHelpOptions = true,
    description = "List, show, create, archive, retrieve and expire tapes (through the worker).",
    subcommands = {
      TapesListCommand.class,
      TapesShowCommand.class,
      TapesCreateCommand.class,
      TapesArchiveCommand.class,
      TapesRetrieveCommand.class,
      TapesExpireCommand.class
    })
public final class TapesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
