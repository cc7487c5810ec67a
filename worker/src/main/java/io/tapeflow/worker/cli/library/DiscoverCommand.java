package io.tapeflow.worker.cli.library;

import io.tapeflow.changer.discover.DiscoveredLibrary;
import io.tapeflow.changer.discover.LibraryDiscovery;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tapeflow discover}: the tape library behind an iSCSI portal. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Find the tape library behind an iSCSI portal (SendTargets, libiscsi):",
      "the changer URI for tapeflow's config, the drives in element order with",
      "their targets and serial numbers, and for hosts that use the kernel",
      "initiator the iscsiadm lines and the /dev/tape names udev gives the",
      "devices. Reads only; moves nothing."
    })
public final class DiscoverCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--portal",
      required = true,
      paramLabel = "HOST[:PORT]",
      description = "The gateway's iSCSI portal (port 3260 unless given).")
  String portal;

  @Option(names = "--json", description = "Print JSON for programs instead of text.")
  boolean json;

  @Mixin DiscoveryOptions discovery;

  @Override
  public Integer call() {
    DiscoveredLibrary lib =
        LibraryDiscovery.discover(discovery.portal(spec, portal), discovery.options(spec));
    spec.commandLine()
        .getOut()
        .print(json ? DiscoveryReport.json(lib) + "\n" : DiscoveryReport.text(lib));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
