package io.tapeflow.worker.cli;

import io.tapeflow.changer.Changers;
import io.tapeflow.worker.config.ChangerProbe;
import io.tapeflow.worker.config.ConfigError;
import io.tapeflow.worker.config.ConfigException;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.ConfigSummary;
import io.tapeflow.worker.config.TapeflowConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapeflow config …}: the config file. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check tapeflow's config file.",
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code tapeflow config check}: every error, one line each, and exit 2; or a one-screen summary
   * and exit 0.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Read and validate the config file: print every error (file:line: key: problem) and",
        "exit 2, or print a summary and exit 0. Each changer is asked for its INQUIRY unless",
        "--no-probe is given."
      })
  static final class Check implements Callable<Integer> {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "The config file (default: $TAPEFLOW_CONFIG, else /etc/tapeflow/tapeflow.yaml).")
    Path config;

    @Option(names = "--no-probe", description = "Do not open the changers; check the file only.")
    boolean noProbe;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Map<String, String> env = System.getenv();
      TapeflowConfig c;
      try {
        c = ConfigReader.read(ConfigReader.locate(Optional.ofNullable(config), env), env);
      } catch (ConfigException e) {
        return report(err, e.errors());
      }
      Optional<Map<String, String>> answers = Optional.empty();
      if (!noProbe) {
        ChangerProbe.Result r = new ChangerProbe(Changers::open, PROBE_TIMEOUT).probe(c);
        if (!r.errors().isEmpty()) {
          return report(err, r.errors());
        }
        answers = Optional.of(r.answers());
      }
      ConfigSummary.lines(c, answers).forEach(out::println);
      out.flush();
      return 0;
    }

    private static int report(PrintWriter err, List<ConfigError> errors) {
      errors.forEach(err::println);
      err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
      err.flush();
      return 2;
    }
  }
}
