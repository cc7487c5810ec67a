package io.tapeflow.bacula.model;

import java.util.List;
import java.util.Optional;

/** What {@code status slots} showed: drives, storage slots and import/export slots. */
public record LibrarySlots(List<DriveContent> drives, List<SlotContent> slots) {

  public LibrarySlots {
    drives = List.copyOf(drives);
    slots = List.copyOf(slots);
  }

  /** The slot with this number. */
  public Optional<SlotContent> slot(int number) {
    return slots.stream().filter(s -> s.slot() == number).findFirst();
  }

  /** Where the cartridge with this volume name is: a slot, if any. */
  public Optional<SlotContent> slotOf(String volume) {
    return slots.stream().filter(s -> volume.equals(s.volume())).findFirst();
  }

  /** The drive holding this volume, if any. */
  public Optional<DriveContent> driveOf(String volume) {
    return drives.stream().filter(d -> volume.equals(d.volume())).findFirst();
  }
}
