package io.tapeflow.worker.cli;

import io.tapeflow.worker.config.ConfigError;
import io.tapeflow.worker.config.ConfigException;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TapeflowWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow worker}: runs until SIGTERM, then stops gracefully (workers, then Temporal, then
 * the changers and clients). A bad config prints every error and exits 2 before anything starts.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run tapeflow: Temporal in the configured mode (the dev server by default), the workers of",
      "this host's task queues and each gateway's watcher, until SIGTERM."
    })
final class WorkerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The config file (default: $TAPEFLOW_CONFIG, else /etc/tapeflow/tapeflow.yaml).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> env = System.getenv();
    TapeflowConfig c;
    try {
      c = ConfigReader.read(ConfigReader.locate(Optional.ofNullable(config), env), env);
    } catch (ConfigException e) {
      PrintWriter err = spec.commandLine().getErr();
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      err.flush();
      return 2;
    }
    TapeflowWorker worker = TapeflowWorker.start(c, env.get("PATH"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  stopped.countDown();
                },
                "tapeflow-worker-stop"));
    stopped.await();
    return 0;
  }
}
