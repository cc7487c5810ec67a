package io.tapeflow.worker.cli;

import io.tapeflow.bacula.changer.ChangerService;
import io.tapeflow.bacula.changer.FileDriveReadiness;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.worker.cli.changer.ChangerHostOptions;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow changer-service --socket PATH [--socket-group G --socket-mode 0660]}: answers
 * Changer Command calls over a Unix socket, keeping the changer open between calls, until stopped
 * (SIGTERM, Ctrl-C). The storage daemon's launcher script asks it first and opens the changer
 * itself when it is not running.
 */
@Command(
    name = "changer-service",
    mixinStandardHelpOptions = true,
    description = {
      "Serves Bacula's Changer Command calls over a Unix socket (mode 0600 unless told) so each call",
      "costs a thin client instead of a JVM start and an iSCSI login. Runs until stopped."
    })
final class ChangerServiceCli implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--socket", required = true, description = "Where to listen.")
  Path socket;

  @Option(
      names = "--socket-mode",
      defaultValue = "0600",
      paramLabel = "MODE",
      description = {
        "The socket's mode, in octal (default: ${DEFAULT-VALUE}); with --socket-group,",
        "0660 lets that group's members (e.g. Bacula's storage daemon) call."
      })
  String socketMode;

  @Option(
      names = "--socket-group",
      paramLabel = "GROUP",
      description = "The socket's group (default: this process's group).")
  String socketGroup;

  @CommandLine.Mixin ChangerHostOptions host;

  @Override
  public Integer call() throws Exception {
    Set<PosixFilePermission> mode = socketMode(socketMode);
    Optional<GroupPrincipal> group = socketGroup(socketGroup);
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (ChangerService service =
        new ChangerService(
                socket,
                StandardChangerOpener.INSTANCE,
                host.lockDir(),
                new FileDriveReadiness(host.readyTimeout(), Duration.ofMillis(10)))
            .start(mode, group)) {
      // The JVM halts as soon as its hooks end: the hook wakes this thread and waits until it has
      // closed the service (and removed the socket).
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopped.countDown();
                    awaitQuietly(closed);
                  },
                  "changer-service-stop"));
      spec.commandLine()
          .getOut()
          .println("tapeflow changer service listening on " + service.socket());
      spec.commandLine().getOut().flush();
      stopped.await();
    } finally {
      closed.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      boolean unused = latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An octal mode such as 0660; a socket needs only read and write bits. */
  private Set<PosixFilePermission> socketMode(String octal) {
    if (!octal.matches("0?[0-7]{3}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--socket-mode '" + octal + "' is not an octal mode such as 0660");
    }
    int bits = Integer.parseInt(octal, 8);
    if ((bits & 0111) != 0 || (bits & 0600) != 0600) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--socket-mode "
              + octal
              + ": a socket's mode gives read and write to its owner and no execute bits,"
              + " e.g. 0600 or 0660");
    }
    StringBuilder rwx = new StringBuilder();
    for (int shift = 6; shift >= 0; shift -= 3) {
      int b = bits >> shift;
      rwx.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append('-');
    }
    return PosixFilePermissions.fromString(rwx.toString());
  }

  private Optional<GroupPrincipal> socketGroup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          FileSystems.getDefault()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName(name));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--socket-group '" + name + "': no such group on this host");
    }
  }
}
