package io.tapeflow.bacula.command;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.VolStatus;

/**
 * What {@code update volume=V} should change: VolStatus, InChanger, Slot, or several. Null leaves a
 * field as it is; at least one must be set.
 */
public record VolumeUpdate(VolStatus status, Boolean inChanger, Integer slot) {

  public VolumeUpdate {
    if (status == null && inChanger == null && slot == null) {
      throw new InvalidValueException(
          "update volume needs at least one of volstatus=, inchanger=, slot=");
    }
    if (status != null && !status.settable()) {
      throw new InvalidValueException(
          "volume status "
              + status
              + " cannot be set with update volume (Bacula refuses Purged and Busy); use purge for"
              + " Purged");
    }
    if (slot != null && (slot < 0 || slot > SlotRange.MAX_SLOT)) {
      throw new InvalidValueException(
          "slot " + slot + " is out of range; use 0 (none) to " + SlotRange.MAX_SLOT);
    }
  }

  public static VolumeUpdate status(VolStatus s) {
    return new VolumeUpdate(s, null, null);
  }

  public static VolumeUpdate location(boolean inChanger, int slot) {
    return new VolumeUpdate(null, inChanger, slot);
  }
}
