package io.tapeflow.bacula.model;

import java.util.OptionalInt;

/**
 * One device of {@code status storage}'s "Device status" part.
 *
 * @param name the SD Device name
 * @param archiveDevice its Archive Device path
 * @param state the state phrase ("is not open", "is mounted with:", "is BLOCKED waiting for mount",
 *     ...)
 * @param volume the mounted volume, or null
 * @param loadedSlot the slot the SD says is (or was last) loaded in the drive, if it says
 * @param loaded whether the SD believes a cartridge is in the drive now
 */
public record DeviceStatus(
    String name,
    String archiveDevice,
    String state,
    String volume,
    OptionalInt loadedSlot,
    boolean loaded) {

  public boolean blocked() {
    return state.contains("BLOCKED");
  }

  public boolean mounted() {
    return state.contains("is mounted");
  }
}
