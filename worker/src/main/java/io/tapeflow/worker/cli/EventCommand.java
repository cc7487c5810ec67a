package io.tapeflow.worker.cli;

import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.event.JobEventSink;
import io.tapeflow.bacula.event.SpoolJobEventSink;
import io.tapeflow.bacula.model.InvalidValueException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapeflow event ...}: events other programs hand to tapeflow. */
@Command(
    name = "event",
    mixinStandardHelpOptions = true,
    description = "Hand an event to tapeflow (Bacula calls these from its RunScript hooks).",
    subcommands = {EventCommand.JobEnd.class})
final class EventCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code tapeflow event job-end}: a Bacula job ended. Validates the arguments and stores the
   * event in the spool directory the worker reads.
   */
  @Command(
      name = "job-end",
      mixinStandardHelpOptions = true,
      description = {
        "A Bacula job has ended. Called by a RunScript of the Director's Job resource with",
        "RunsWhen = After and RunsOnFailure = yes ('Run After Job' skips failed jobs), passing",
        "the job's id, exit status and volumes (see README). Exit 0 once stored, 2 for bad input."
      })
  static final class JobEnd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--job", required = true, description = "The JobId.")
    String job;

    @Option(
        names = "--status",
        required = true,
        description = "The job's exit status text (OK, Error, Fatal Error, ...).")
    String status;

    @Option(
        names = "--volumes",
        defaultValue = "",
        description = "The volumes the job used, separated by commas or spaces.")
    String volumes;

    @Option(names = "--name", description = "The Job resource name.")
    String name;

    @Option(names = "--type", description = "The job type (Backup, Restore, ...).")
    String type;

    @Option(names = "--client", description = "The client name.")
    String client;

    @Option(
        names = "--spool",
        defaultValue = "/var/spool/tapeflow/events",
        description = "Where events wait for the worker (default: ${DEFAULT-VALUE}).")
    Path spool;

    @Override
    public Integer call() {
      JobEndEvent e;
      try {
        e = JobEndEvent.of(job, status, volumes, name, type, client, Instant.now());
      } catch (InvalidValueException ex) {
        throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
      }
      JobEventSink sink = new SpoolJobEventSink(spool);
      sink.accept(e);
      return 0;
    }
  }
}
