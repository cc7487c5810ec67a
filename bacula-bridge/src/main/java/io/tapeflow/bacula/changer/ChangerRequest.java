package io.tapeflow.bacula.changer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One Changer Command call: {@code %c %o %S %a %d} (changer device, operation, slot, archive
 * device, drive index). The storage daemon always passes all five, even where they mean nothing
 * ({@code list} gets slot 0 and the first drive); each operation checks only what it uses. For
 * {@code transfer}, the fourth argument is the destination slot.
 *
 * @param changer the Changer Device: tapeflow's changer URI
 * @param operation what to do
 * @param slot {@code %S}, 1-based; 0 when not given
 * @param archiveDevice {@code %a}, or the destination slot for {@code transfer}; "" when not given
 * @param drive {@code %d}; -1 when not given
 */
public record ChangerRequest(
    String changer, ChangerOperation operation, int slot, String archiveDevice, int drive) {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");

  /**
   * Reads the command-line arguments {@code %c %o [%S [%a [%d]]]}.
   *
   * @throws ChangerProtocolException naming the argument that is wrong
   */
  public static ChangerRequest parse(List<String> args) {
    if (args.size() < 2) {
      throw new ChangerProtocolException(
          "usage: changer-command CHANGER-URI OPERATION [SLOT ARCHIVE-DEVICE DRIVE-INDEX]"
              + ", in the order Bacula's storage daemon passes them");
    }
    if (args.size() > 5) {
      throw new ChangerProtocolException(
          "too many arguments ("
              + args.size()
              + "); a path with a space was split by the storage daemon? Keep the Changer Device"
              + " and Archive Device free of spaces");
    }
    ChangerOperation op = ChangerOperation.parse(args.get(1));
    int slot = args.size() > 2 ? number(args.get(2), "slot") : 0;
    String archive = args.size() > 3 ? args.get(3) : "";
    int drive = args.size() > 4 ? number(args.get(4), "drive index") : -1;
    ChangerRequest r = new ChangerRequest(args.get(0), op, slot, archive, drive);
    r.check();
    return r;
  }

  private void check() {
    switch (operation) {
      case LOADED -> requireDrive();
      case LOAD, UNLOAD -> {
        requireDrive();
        if (archiveDevice.isEmpty()) {
          throw new ChangerProtocolException(
              operation.word() + " needs the archive device (fourth argument)");
        }
        if (operation == ChangerOperation.LOAD && slot < 1) {
          throw new ChangerProtocolException(
              "load needs a slot (third argument) of 1 or more, got " + slot);
        }
      }
      case TRANSFER -> {
        if (slot < 1) {
          throw new ChangerProtocolException("transfer needs a source slot of 1 or more");
        }
        destinationSlot();
      }
      default -> {}
    }
  }

  private void requireDrive() {
    if (drive < 0) {
      throw new ChangerProtocolException(
          operation.word() + " needs the drive index (fifth argument)");
    }
  }

  /** For {@code transfer}: the destination slot (the fourth argument). */
  public int destinationSlot() {
    if (!NUMBER.matcher(archiveDevice).matches() || Integer.parseInt(archiveDevice) < 1) {
      throw new ChangerProtocolException(
          "transfer needs a destination slot of 1 or more as its fourth argument, got '"
              + archiveDevice
              + "'");
    }
    return Integer.parseInt(archiveDevice);
  }

  private static int number(String s, String what) {
    if (!NUMBER.matcher(s).matches()) {
      throw new ChangerProtocolException(what + " must be a number, got '" + s + "'");
    }
    return Integer.parseInt(s);
  }

  /** The arguments as they would be passed on a command line. */
  public List<String> toArgs() {
    return List.of(
        changer, operation.word(), Integer.toString(slot), archiveDevice, Integer.toString(drive));
  }
}
