package io.tapeflow.worker.cli.library;

import io.tapeflow.bacula.config.BaculaResources;
import io.tapeflow.bacula.config.DeviceKind;
import io.tapeflow.bacula.config.LibraryDescription;
import io.tapeflow.bacula.config.Password;
import io.tapeflow.changer.discover.LibraryDiscovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tapeflow bacula-config}: a library's Bacula resources, for the SD and the Director. */
@Command(
    name = "bacula-config",
    mixinStandardHelpOptions = true,
    description = {
      "Print a library's Bacula resources: for the storage daemon its",
      "Autochanger, with tapeflow's Changer Command, and one Device per drive;",
      "for the Director its Storage, the Pools, and a JobDefs whose RunScript",
      "hands every job's end to tapeflow. The library comes from a discovery",
      "(--portal, or --discovered FILE from 'tapeflow discover --json') or from",
      "--changer and --drive-device. Media Type follows the drives' INQUIRY."
    })
public final class BaculaConfigCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the library's facts come from: exactly one. */
  static final class Source {
    @Option(names = "--portal", paramLabel = "HOST[:PORT]", description = "Discover it now.")
    String portal;

    @Option(
        names = "--discovered",
        paramLabel = "FILE",
        description = "The output of 'tapeflow discover --json'.")
    Path discovered;

    @Option(
        names = "--changer",
        paramLabel = "URI",
        description = "The changer URI (Bacula's %%c).")
    String changer;
  }

  @Mixin DiscoveryOptions discovery;

  @Option(
      names = "--drive-device",
      paramLabel = "DEVICE",
      description = "With --changer: each drive's Archive Device, in Drive Index order.")
  List<String> driveDevices = List.of();

  @Option(names = "--media-type", description = "Media Type (default: from the drives' product).")
  String mediaType;

  @Option(names = "--name", defaultValue = "tapeflow-library", description = "Resource name.")
  String name;

  @Option(names = "--sd-address", description = "The SD's address (default: this host's name).")
  String sdAddress;

  @Option(names = "--sd-port", defaultValue = "9103", description = "The SD's port.")
  int sdPort;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "A file with the SD password; Bacula includes it, it is never printed.")
  Path passwordFile;

  @Option(names = "--pool", description = "A Pool to write (repeat; default: tapeflow).")
  List<String> pools = List.of("tapeflow");

  @Option(
      names = "--volume-retention",
      paramLabel = "DURATION",
      description = "The Pools' Volume Retention, e.g. '6 months' (default: Bacula's).")
  String volumeRetention;

  @Option(
      names = "--changer-command",
      defaultValue = LibraryDescription.DEFAULT_CHANGER_COMMAND,
      description = "tapeflow's Changer Command (default: ${DEFAULT-VALUE}).")
  String changerCommand;

  @Option(
      names = "--tapeflow",
      defaultValue = LibraryDescription.DEFAULT_TAPEFLOW,
      description = "The tapeflow program the RunScript runs (default: ${DEFAULT-VALUE}).")
  String tapeflow;

  @Option(names = "--event-spool", paramLabel = "DIR", description = "The job-end event spool.")
  String eventSpool;

  @Option(
      names = "--device-type",
      defaultValue = "TAPE",
      description = "TAPE or FILE (the test library's drives).")
  DeviceKind deviceKind;

  @Option(
      names = "--device-names",
      defaultValue = "BY_ID",
      description = "BY_ID or BY_PATH: which /dev/tape name a discovered drive gets.")
  LibrarySource.Names names;

  @Option(names = "--sd-out", paramLabel = "FILE", description = "Write the SD part here.")
  Path sdOut;

  @Option(names = "--dir-out", paramLabel = "FILE", description = "Write the Director part here.")
  Path dirOut;

  @Override
  public Integer call() {
    LibraryDescription lib = describe(library());
    write(sdOut, BaculaResources.storageDaemon(lib));
    write(dirOut, BaculaResources.director(lib));
    if (lib.password() instanceof Password.Placeholder) {
      spec.commandLine()
          .getErr()
          .println(
              "tapeflow: no --password-file: replace "
                  + Password.Placeholder.TEXT
                  + " with the SD's Director password");
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  private LibrarySource library() {
    try {
      if (source.portal != null) {
        return LibrarySource.fromDiscoveryJson(
            DiscoveryReport.json(
                LibraryDiscovery.discover(
                    discovery.portal(spec, source.portal), discovery.options(spec))),
            names);
      }
      if (source.discovered != null) {
        return LibrarySource.fromDiscoveryJson(
            Files.readString(source.discovered, StandardCharsets.UTF_8), names);
      }
    } catch (IOException e) {
      throw bad("cannot read --discovered " + source.discovered + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    if (driveDevices.isEmpty() || mediaType == null) {
      throw bad("--changer needs --drive-device for every drive and --media-type");
    }
    return new LibrarySource(source.changer, driveDevices, mediaType);
  }

  private LibraryDescription describe(LibrarySource from) {
    try {
      Password password =
          passwordFile == null
              ? new Password.Placeholder()
              : Password.fromFile(
                  passwordFile.toAbsolutePath(), SecretFile.read(passwordFile, "the SD password"));
      return LibraryDescription.newBuilder()
          .name(name)
          .changerDevice(from.changerUri())
          .changerCommand(changerCommand)
          .archiveDevices(from.archiveDevices())
          .mediaType(mediaType != null ? mediaType : from.mediaType())
          .deviceKind(deviceKind)
          .sdAddress(sdAddress != null ? sdAddress : hostName())
          .sdPort(sdPort)
          .password(password)
          .pools(pools)
          .tapeflowCommand(tapeflow)
          .eventSpool(eventSpool)
          .volumeRetention(volumeRetention)
          .build();
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private void write(Path file, String text) {
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
