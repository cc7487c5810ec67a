package io.tapeflow.worker.cli;

import ch.qos.logback.classic.Logger;
import io.tapeflow.bacula.changer.ChangerCommandMain;
import io.tapeflow.bacula.changer.ChangerReply;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.worker.cli.changer.ChangerHostOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tapeflow changer-command %c %o %S %a %d}: the Changer Command of Bacula's storage daemon,
 * in place of mtx-changer. The protocol lives in bacula-bridge ({@link
 * io.tapeflow.bacula.changer.ChangerCommand}); this is its CLI form. Bacula's launcher script runs
 * the same code through {@link ChangerCommandMain}, which starts faster.
 */
@Command(
    name = "changer-command",
    mixinStandardHelpOptions = true,
    description = {
      "Bacula's Changer Command (the mtx-changer protocol), sharing tapeflow's changer lock.",
      "In the storage daemon's Autochanger resource: Changer Command = \"tapeflow",
      "changer-command CHANGER-URI OPERATION SLOT ARCHIVE-DEVICE DRIVE\" with Bacula's codes",
      "for the Changer Device, operation, slot, archive device and drive index, and",
      "Changer Device = the changer's URI. Operations: slots, list, listall, loaded, load,",
      "unload, transfer. Prints the answer on stdout; exit 0, or 1 with a one-line reason.",
      "Nothing is written on stderr."
    })
final class ChangerCommandCli implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ChangerHostOptions host;

  @Option(
      names = "--socket",
      description = "Ask the tapeflow changer service listening here first.")
  Path socket;

  @Parameters(
      arity = "2..5",
      paramLabel = "ARG",
      description = "CHANGER-URI OPERATION [SLOT ARCHIVE-DEVICE DRIVE]")
  List<String> args;

  @Override
  public Integer call() {
    silenceConsoleLogging();
    List<String> a = new ArrayList<>(List.of("--lock-dir", host.lockDir().toString()));
    if (socket != null) {
      a.add("--socket");
      a.add(socket.toString());
    }
    a.add("--ready-timeout");
    a.add(Long.toString(host.readyTimeout().toMillis()));
    a.addAll(args);
    ChangerReply r = ChangerCommandMain.run(a, StandardChangerOpener.INSTANCE);
    PrintWriter out = spec.commandLine().getOut();
    out.print(r.stdout());
    out.flush();
    return r.exitCode();
  }

  /** The storage daemon reads stderr as part of the answer: no log line may reach it. */
  private static void silenceConsoleLogging() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.detachAndStopAllAppenders();
    }
  }
}
