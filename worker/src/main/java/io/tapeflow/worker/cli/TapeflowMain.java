package io.tapeflow.worker.cli;

/** Process entry point of the {@code tapeflow} command. */
public final class TapeflowMain {
  private TapeflowMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    return TapeflowCommand.commandLine().execute(args);
  }
}
