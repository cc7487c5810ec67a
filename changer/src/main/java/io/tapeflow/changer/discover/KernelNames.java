package io.tapeflow.changer.discover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a host that uses the kernel's iSCSI initiator (open-iscsi) runs, and the stable names its
 * devices get from systemd's {@code 60-persistent-storage-tape.rules}; no hand-written udev rule.
 *
 * <ul>
 *   <li>{@code /dev/tape/by-path/ip-ADDRESS:PORT-iscsi-IQN-lun-N} ({@code -nst} for the
 *       non-rewinding node, {@code -changer} for the changer's SCSI generic node): one target per
 *       device, so this names a drive by its target.
 *   <li>{@code /dev/tape/by-id/scsi-ID_SCSI_SERIAL-nst} (and plain {@code scsi-ID_SCSI_SERIAL} for
 *       the changer): by the unit serial number (see {@link UdevSerial}).
 * </ul>
 */
public final class KernelNames {
  private KernelNames() {}

  /** {@code /dev/tape/by-path/…-nst}, the non-rewinding node of a drive. */
  public static String driveByPath(ProbedDevice d) {
    return byPath(d) + "-nst";
  }

  /** {@code /dev/tape/by-path/…-changer}, the changer's SCSI generic node. */
  public static String changerByPath(ProbedDevice d) {
    return byPath(d) + "-changer";
  }

  /** {@code /dev/tape/by-id/scsi-SERIAL-nst}, when udev will make one that is this drive's. */
  public static Optional<String> driveById(ProbedDevice d) {
    return Optional.ofNullable(d.idScsiSerial()).map(s -> "/dev/tape/by-id/scsi-" + s + "-nst");
  }

  /** {@code /dev/tape/by-id/scsi-SERIAL}, the changer's, when udev will make one. */
  public static Optional<String> changerById(ProbedDevice d) {
    return Optional.ofNullable(d.idScsiSerial()).map(s -> "/dev/tape/by-id/scsi-" + s);
  }

  private static String byPath(ProbedDevice d) {
    return "/dev/tape/by-path/ip-"
        + d.address().host()
        + ":"
        + d.address().port()
        + "-iscsi-"
        + d.iqn()
        + "-lun-"
        + d.lun();
  }

  /**
   * The {@code iscsiadm} lines that log this host in to the library's targets and keep them across
   * reboots: discovery at the portal, then per target a login and {@code node.startup automatic}.
   */
  public static List<String> iscsiadmLines(Portal portal, List<ProbedDevice> devices) {
    List<String> out = new ArrayList<>();
    out.add("iscsiadm -m discovery -t sendtargets -p " + portal);
    Set<String> seen = new LinkedHashSet<>();
    for (ProbedDevice d : devices) {
      if (d.role() == DeviceRole.OTHER || !seen.add(d.iqn())) {
        continue;
      }
      String node = "iscsiadm -m node -T " + d.iqn() + " -p " + d.address();
      out.add(node + " --login");
      out.add(node + " --op update -n node.startup -v automatic");
    }
    return out;
  }
}
