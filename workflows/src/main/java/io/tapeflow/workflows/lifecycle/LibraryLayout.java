package io.tapeflow.workflows.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A library's element addresses by kind, and the numbers Bacula gives them: storage slots are 1..S
 * in address order, import/export slots S+1..S+I after them (as {@code mtx} numbers them), drives
 * 0..D-1 in address order. The one place where Bacula's numbers become element addresses and back:
 * a {@link Location} always holds an element address.
 *
 * @param storage the storage element addresses, as ascending runs
 * @param importExport the import/export element addresses, as ascending runs
 * @param drives the drive element addresses, as ascending runs
 */
public record LibraryLayout(List<Run> storage, List<Run> importExport, List<Run> drives) {

  /**
   * Consecutive element addresses.
   *
   * @param first the first address
   * @param count how many
   */
  public record Run(int first, int count) {
    public Run {
      if (first < 0 || count < 1 || first + count - 1 > 0xFFFF) {
        throw new IllegalArgumentException(
            "element run must lie in 0..65535, got " + count + " from " + first);
      }
    }

    int last() {
      return first + count - 1;
    }
  }

  public LibraryLayout {
    storage = ascending("storage", storage);
    importExport = ascending("import/export", importExport);
    drives = ascending("drive", drives);
  }

  /** The layout of elements listed one by one (any order). */
  public static LibraryLayout of(
      List<Integer> storage, List<Integer> importExport, List<Integer> drives) {
    return new LibraryLayout(runs(storage), runs(importExport), runs(drives));
  }

  /** The element address of Bacula's slot {@code slot} (a storage or import/export slot). */
  public Location slot(int slot) {
    int s = count(storage);
    if (slot >= 1 && slot <= s) {
      return Location.slot(nth(storage, slot - 1));
    }
    if (slot > s && slot <= s + count(importExport)) {
      return Location.ieSlot(nth(importExport, slot - s - 1));
    }
    throw new IllegalArgumentException(
        "Bacula slot "
            + slot
            + " is not in this library: it has slots 1.."
            + (s + count(importExport)));
  }

  /** The element address of Bacula's drive {@code index}. */
  public Location drive(int index) {
    if (index < 0 || index >= count(drives)) {
      throw new IllegalArgumentException(
          "drive index " + index + " is not in this library: it has " + count(drives) + " drives");
    }
    return Location.drive(nth(drives, index));
  }

  /** Bacula's slot number of a storage or import/export slot, or -1 if the address is unknown. */
  public int baculaSlot(Location at) {
    if (at.kind() == Location.Kind.SLOT) {
      int i = indexOf(storage, at.address());
      return i < 0 ? -1 : i + 1;
    }
    if (at.kind() == Location.Kind.IE_SLOT) {
      int i = indexOf(importExport, at.address());
      return i < 0 ? -1 : count(storage) + i + 1;
    }
    return -1;
  }

  /** Bacula's drive index of a drive, or -1 if the address is not a drive of this library. */
  public int driveIndex(Location at) {
    return at.kind() == Location.Kind.DRIVE ? indexOf(drives, at.address()) : -1;
  }

  /**
   * Where Bacula's slot {@code slot} is, or null if the library has no such slot. With no layout (a
   * run started before tapeflow read layouts) Bacula's number is kept as it is.
   */
  public static Location ofSlot(LibraryLayout layout, int slot) {
    if (layout == null) {
      return Location.slot(slot);
    }
    int all = count(layout.storage) + count(layout.importExport);
    return slot >= 1 && slot <= all ? layout.slot(slot) : null;
  }

  /**
   * Where Bacula's drive {@code index} is, or null if there is no such drive; see {@link #ofSlot}.
   */
  public static Location ofDrive(LibraryLayout layout, int index) {
    if (layout == null) {
      return Location.drive(index);
    }
    return index >= 0 && index < layout.driveCount() ? layout.drive(index) : null;
  }

  /**
   * A place Bacula reported in its own numbers (a drive index, a Bacula slot) as an element, or
   * null if the library has no such place; see {@link #ofSlot}.
   */
  public static Location ofBacula(LibraryLayout layout, Location inBaculaNumbers) {
    return switch (inBaculaNumbers.kind()) {
      case DRIVE -> ofDrive(layout, inBaculaNumbers.address());
      case SLOT, IE_SLOT -> ofSlot(layout, inBaculaNumbers.address());
      default -> inBaculaNumbers;
    };
  }

  /** Bacula's number of a slot, or -1 if not known; see {@link #ofSlot}. */
  public static int slotOf(LibraryLayout layout, Location at) {
    if (layout == null) {
      return at.kind() == Location.Kind.SLOT ? at.address() : -1;
    }
    return layout.baculaSlot(at);
  }

  /** Bacula's index of a drive, or -1 if not known; see {@link #ofSlot}. */
  public static int driveOf(LibraryLayout layout, Location at) {
    if (layout == null) {
      return at.kind() == Location.Kind.DRIVE ? at.address() : -1;
    }
    return layout.driveIndex(at);
  }

  /** How many drives the library has. */
  public int driveCount() {
    return count(drives);
  }

  private static List<Run> ascending(String what, List<Run> runs) {
    Objects.requireNonNull(runs, what);
    for (int i = 1; i < runs.size(); i++) {
      if (runs.get(i).first() <= runs.get(i - 1).last()) {
        throw new IllegalArgumentException(what + " element runs must ascend: " + runs);
      }
    }
    return List.copyOf(runs);
  }

  private static List<Run> runs(List<Integer> addresses) {
    List<Integer> sorted = addresses.stream().sorted().distinct().toList();
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      runs.add(new Run(sorted.get(i), j - i + 1));
      i = j + 1;
    }
    return runs;
  }

  private static int count(List<Run> runs) {
    int n = 0;
    for (Run r : runs) {
      n += r.count();
    }
    return n;
  }

  private static int nth(List<Run> runs, int n) {
    for (Run r : runs) {
      if (n < r.count()) {
        return r.first() + n;
      }
      n -= r.count();
    }
    throw new IllegalStateException("no element " + n);
  }

  private static int indexOf(List<Run> runs, int address) {
    int before = 0;
    for (Run r : runs) {
      if (address >= r.first() && address <= r.last()) {
        return before + address - r.first();
      }
      before += r.count();
    }
    return -1;
  }
}
