package io.tapeflow.worker.cli;

import io.tapeflow.worker.cli.changer.ChangerCommand;
import io.tapeflow.worker.cli.changer.ChangerOpener;
import io.tapeflow.worker.cli.library.BaculaConfigCommand;
import io.tapeflow.worker.cli.library.DiscoverCommand;
import io.tapeflow.worker.cli.tapes.RestoreCommand;
import io.tapeflow.worker.cli.tapes.StatusCommand;
import io.tapeflow.worker.cli.tapes.TapesCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root {@code tapeflow} command. Subcommands are registered here, in one list.
 *
 * <p>Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong. A failure prints
 * one line on stderr; {@code --debug} adds the stack trace.
 */
@Command(
    name = "tapeflow",
    mixinStandardHelpOptions = true,
    versionProvider = TapeflowCommand.Version.class,
    description = {
      "Orchestrates the life of the virtual tapes Bacula writes to an AWS Tape",
      "Gateway: changer moves, labelling, archive to the shelf, retrieval, restore."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      ChangerCommand.class,
      ChangerCommandCli.class,
      ChangerServiceCli.class,
      ConfigCommand.class,
      EventCommand.class,
      WorkerCommand.class,
      DiscoverCommand.class,
      BaculaConfigCommand.class,
      TapesCommand.class,
      StatusCommand.class,
      RestoreCommand.class
    })
public final class TapeflowCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: subcommands, error handling and exit codes. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The command line with another way to open changers (tests pass one over a fake library). */
  public static CommandLine commandLine(ChangerOpener changers) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    return commandLine(
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            return cls == ChangerCommand.class
                ? cls.cast(new ChangerCommand(changers))
                : defaults.create(cls);
          }
        });
  }

  private static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cl = new CommandLine(new TapeflowCommand(), factory);
    cl.setExecutionExceptionHandler(TapeflowCommand::onFailure);
    cl.setParameterExceptionHandler(TapeflowCommand::onBadCommandLine);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * A wrong command line: one line naming the problem and where to find help, exit code 2. Nothing
   * has been opened or moved.
   */
  private static int onBadCommandLine(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(
        cl.getCommandSpec().qualifiedName()
            + ": "
            + oneLine(e)
            + " (see '"
            + cl.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return 2;
  }

  private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean debug = hasDebug(parseResult);
    err.println("tapeflow: " + oneLine(e));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static boolean hasDebug(CommandLine.ParseResult pr) {
    for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.matchedOption("--debug") != null) {
        return true;
      }
    }
    return false;
  }

  /** The message of a failure as one line, falling back to the exception's type. */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.replace('\n', ' ').strip();
  }

  /** Reports the version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TapeflowCommand.class.getPackage().getImplementationVersion();
      return new String[] {"tapeflow " + (v == null ? "development" : v)};
    }
  }
}
