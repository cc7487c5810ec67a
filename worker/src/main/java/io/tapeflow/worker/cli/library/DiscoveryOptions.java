package io.tapeflow.worker.cli.library;

import io.tapeflow.changer.discover.LibraryDiscovery;
import io.tapeflow.changer.discover.Portal;
import io.tapeflow.changer.iscsi.IscsiTransport;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How to log in to a portal for discovery: shared by {@code discover} and {@code bacula-config}.
 */
final class DiscoveryOptions {
  @Option(
      names = "--initiator-name",
      defaultValue = IscsiTransport.Options.DEFAULT_INITIATOR,
      description = "This host's iSCSI initiator name (default: ${DEFAULT-VALUE}).")
  String initiatorName;

  @Option(names = "--chap-user", description = "CHAP user, when the targets require CHAP.")
  String chapUser;

  @Option(
      names = "--chap-secret-file",
      paramLabel = "FILE",
      description = "A file holding the CHAP secret on one line (never printed).")
  Path chapSecretFile;

  @Option(
      names = "--timeout",
      defaultValue = "15",
      paramLabel = "SECONDS",
      description = "Login and discovery timeout (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  Portal portal(CommandLine.Model.CommandSpec spec, String text) {
    try {
      return Portal.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--portal: " + e.getMessage());
    }
  }

  LibraryDiscovery.Options options(CommandLine.Model.CommandSpec spec) {
    if ((chapUser == null) != (chapSecretFile == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--chap-user and --chap-secret-file go together");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be 1 to 3600 seconds, got " + timeoutSeconds);
    }
    try {
      Duration timeout = Duration.ofSeconds(timeoutSeconds);
      new IscsiTransport.Options(initiatorName, timeout);
      String secret =
          chapSecretFile == null ? null : SecretFile.read(chapSecretFile, "the CHAP secret");
      return new LibraryDiscovery.Options(initiatorName, timeout, chapUser, secret);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
