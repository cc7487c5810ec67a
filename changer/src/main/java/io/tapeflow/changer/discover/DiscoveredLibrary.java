package io.tapeflow.changer.discover;

import java.util.List;
import java.util.Objects;

/**
 * What {@code tapeflow discover} found behind one portal.
 *
 * @param portal the portal asked
 * @param devices every logical unit found, target by target in the order SendTargets listed them
 * @param changer the medium changer
 * @param changerUri the changer URI for tapeflow's config (a CHAP secret shows as {@code ***})
 * @param drives the changer's drives in element address order, with their targets
 * @param warnings what a person should know (unmatched drives, colliding names, ...)
 */
public record DiscoveredLibrary(
    Portal portal,
    List<ProbedDevice> devices,
    ProbedDevice changer,
    String changerUri,
    List<LibraryDrive> drives,
    List<String> warnings) {

  public DiscoveredLibrary {
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(changer, "changer");
    Objects.requireNonNull(changerUri, "changerUri");
    devices = List.copyOf(devices);
    drives = List.copyOf(drives);
    warnings = List.copyOf(warnings);
  }

  /** The kernel initiator's login lines for this library (see {@link KernelNames}). */
  public List<String> iscsiadmLines() {
    return KernelNames.iscsiadmLines(portal, devices);
  }
}
