package io.tapeflow.bacula.changer;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Bacula's numbers for a library's elements: storage slots are 1..S in address order, import/export
 * slots S+1..S+I after them (as {@code mtx} numbers them), drives 0..D-1 in address order. Built
 * from one inventory and valid only with it.
 */
public final class SlotMap {
  private final List<Element> storage;
  private final List<Element> importExport;
  private final List<Element> drives;

  private SlotMap(Inventory inventory) {
    this.storage = inventory.ofType(ElementType.STORAGE);
    this.importExport = inventory.ofType(ElementType.IMPORT_EXPORT);
    this.drives = inventory.ofType(ElementType.DRIVE);
  }

  public static SlotMap of(Inventory inventory) {
    return new SlotMap(inventory);
  }

  /** Storage plus import/export slots, what {@code slots} reports. */
  public int slotCount() {
    return storage.size() + importExport.size();
  }

  public int storageCount() {
    return storage.size();
  }

  public int driveCount() {
    return drives.size();
  }

  public List<Element> storage() {
    return storage;
  }

  public List<Element> importExport() {
    return importExport;
  }

  public List<Element> drives() {
    return drives;
  }

  /** Whether Bacula slot {@code slot} is an import/export slot. */
  public boolean isImportExport(int slot) {
    return slot > storage.size() && slot <= slotCount();
  }

  /**
   * The element for Bacula slot {@code slot}.
   *
   * @throws ChangerProtocolException if the library has no such slot
   */
  public Element slot(int slot) {
    if (slot >= 1 && slot <= storage.size()) {
      return storage.get(slot - 1);
    }
    if (slot > storage.size() && slot <= slotCount()) {
      return importExport.get(slot - storage.size() - 1);
    }
    throw new ChangerProtocolException(
        "slot "
            + slot
            + " does not exist; this library has slots 1-"
            + slotCount()
            + " ("
            + storage.size()
            + " storage, "
            + importExport.size()
            + " import/export)");
  }

  /**
   * The drive element with index {@code index}.
   *
   * @throws ChangerProtocolException if the library has no such drive
   */
  public Element drive(int index) {
    if (index < 0 || index >= drives.size()) {
      throw new ChangerProtocolException(
          "drive " + index + " does not exist; this library has drives 0-" + (drives.size() - 1));
    }
    return drives.get(index);
  }

  /** Bacula's slot number for a storage or import/export element address. */
  public OptionalInt slotOf(int address) {
    for (int i = 0; i < storage.size(); i++) {
      if (storage.get(i).address() == address) {
        return OptionalInt.of(i + 1);
      }
    }
    for (int i = 0; i < importExport.size(); i++) {
      if (importExport.get(i).address() == address) {
        return OptionalInt.of(storage.size() + i + 1);
      }
    }
    return OptionalInt.empty();
  }

  /** The drive index of a drive element address. */
  public OptionalInt driveIndexOf(int address) {
    for (int i = 0; i < drives.size(); i++) {
      if (drives.get(i).address() == address) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The slot a drive's cartridge belongs to: its source element if the library reports one and it
   * is a slot, else the lowest empty storage slot (where an unload would put it).
   */
  public OptionalInt homeSlot(Element drive) {
    if (!drive.full()) {
      return OptionalInt.empty();
    }
    Optional<Integer> source = drive.sourceIfAny();
    if (source.isPresent()) {
      OptionalInt s = slotOf(source.get());
      if (s.isPresent()) {
        return s;
      }
    }
    for (int i = 0; i < storage.size(); i++) {
      if (!storage.get(i).full()) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }
}
