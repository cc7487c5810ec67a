package io.tapeflow.worker.cli;

import io.tapeflow.bacula.changer.ChangerService;
import io.tapeflow.bacula.changer.FileDriveReadiness;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.worker.cli.changer.ChangerHostOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow changer-service --socket PATH}: answers Changer Command calls over a Unix socket,
 * keeping the changer open between calls, until stopped (SIGTERM, Ctrl-C). The storage daemon's
 * launcher script asks it first and opens the changer itself when it is not running.
 */
@Command(
    name = "changer-service",
    mixinStandardHelpOptions = true,
    description = {
      "Serves Bacula's Changer Command calls over a Unix socket (mode 0600) so each call",
      "costs a thin client instead of a JVM start and an iSCSI login. Runs until stopped."
    })
final class ChangerServiceCli implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--socket", required = true, description = "Where to listen.")
  Path socket;

  @CommandLine.Mixin ChangerHostOptions host;

  @Override
  public Integer call() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (ChangerService service =
        new ChangerService(
                socket,
                StandardChangerOpener.INSTANCE,
                host.lockDir(),
                new FileDriveReadiness(host.readyTimeout(), Duration.ofMillis(10)))
            .start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "changer-service-stop"));
      spec.commandLine()
          .getOut()
          .println("tapeflow changer service listening on " + service.socket());
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
