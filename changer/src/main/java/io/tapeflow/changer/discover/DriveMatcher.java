package io.tapeflow.changer.discover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties the changer's drive elements to the targets that carry the drives. Pure.
 *
 * <p>First by serial: a device identifier in T10 vendor id form is vendor (8) + product (16) +
 * serial, so the drive whose VPD 80h serial is that tail is the one (tgt and the AWS gateway report
 * these; tgt loses the last drive's identifier, see scsi-smc reference §8). Then, for the elements
 * left, by target name: the k-th drive element (1-based, address order) is the target whose name
 * ends in the number k, as AWS names them ({@code …-tapedrive-01}). A target is used once.
 */
public final class DriveMatcher {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("([0-9]+)$");
  private static final int T10_SERIAL_OFFSET = 24;

  private DriveMatcher() {}

  /** A drive element as the changer reported it. */
  public record Element(int address, String deviceId) {}

  /**
   * Ties each drive element to its target.
   *
   * @param elements the drive elements, in address order
   * @param drives the tape drive devices found behind the portal
   * @return one entry per element, in the same order
   */
  public static List<LibraryDrive> match(List<Element> elements, List<ProbedDevice> drives) {
    ProbedDevice[] chosen = new ProbedDevice[elements.size()];
    Set<ProbedDevice> used = new HashSet<>();
    for (int k = 0; k < elements.size(); k++) {
      Optional<ProbedDevice> d = bySerial(elements.get(k).deviceId(), drives, used);
      if (d.isPresent()) {
        chosen[k] = d.get();
        used.add(d.get());
      }
    }
    List<LibraryDrive> out = new ArrayList<>();
    for (int k = 0; k < elements.size(); k++) {
      Element e = elements.get(k);
      if (chosen[k] != null) {
        out.add(new LibraryDrive(k, e.address(), e.deviceId(), chosen[k], MatchedBy.SERIAL));
        continue;
      }
      Optional<ProbedDevice> d = byName(k + 1, drives, used);
      d.ifPresent(used::add);
      out.add(
          new LibraryDrive(
              k,
              e.address(),
              e.deviceId(),
              d.orElse(null),
              d.isPresent() ? MatchedBy.TARGET_NAME : MatchedBy.NONE));
    }
    return out;
  }

  /** The serial inside a T10 vendor id form device identifier, if it has one. */
  static Optional<String> serialOf(String deviceId) {
    if (deviceId == null || deviceId.length() <= T10_SERIAL_OFFSET) {
      return Optional.empty();
    }
    String s = deviceId.substring(T10_SERIAL_OFFSET).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<ProbedDevice> bySerial(
      String deviceId, List<ProbedDevice> drives, Set<ProbedDevice> used) {
    Optional<String> serial = serialOf(deviceId);
    if (serial.isEmpty()) {
      return Optional.empty();
    }
    List<ProbedDevice> hits =
        drives.stream().filter(d -> !used.contains(d) && serial.get().equals(d.serial())).toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  private static Optional<ProbedDevice> byName(
      int position, List<ProbedDevice> drives, Set<ProbedDevice> used) {
    List<ProbedDevice> hits =
        drives.stream()
            .filter(d -> !used.contains(d) && trailingNumber(d.iqn()) == position)
            .toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  static long trailingNumber(String iqn) {
    Matcher m = TRAILING_NUMBER.matcher(iqn);
    if (!m.find() || m.group(1).length() > 9) {
      return -1;
    }
    return Long.parseLong(m.group(1));
  }
}
