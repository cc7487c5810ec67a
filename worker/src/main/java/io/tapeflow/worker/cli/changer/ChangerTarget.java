package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.ChangerUri;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every changer subcommand takes: which changer, and where its lock lives. */
final class ChangerTarget {
  @Option(
      names = "--changer",
      required = true,
      paramLabel = "URI",
      converter = UriConverter.class,
      description = {
        "The changer: iscsi://[user[%password]@]host[:port]/target-iqn/lun,",
        "a device path (/dev/sg8, /dev/tape/by-id/…-changer), or mtx:/dev/sgN."
      })
  ChangerUri uri;

  @Option(
      names = "--lock-dir",
      paramLabel = "DIR",
      description = {
        "Directory of the host-wide changer locks, shared with Bacula's storage daemon",
        "(default: ${DEFAULT-VALUE}).",
      })
  Path lockDir = ChangerLock.DEFAULT_DIRECTORY;

  /** Parses URIs at the command line so a bad one is a usage error naming the problem. */
  static final class UriConverter implements CommandLine.ITypeConverter<ChangerUri> {
    @Override
    public ChangerUri convert(String value) {
      try {
        return ChangerUri.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
