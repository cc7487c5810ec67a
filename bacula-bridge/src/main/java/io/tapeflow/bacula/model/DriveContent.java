package io.tapeflow.bacula.model;

import java.util.Optional;

/**
 * One drive as {@code .api 2} + {@code status slots} prints it ({@code D|drive|slot|volume}).
 *
 * @param index the drive index
 * @param slot the slot the loaded cartridge came from, 0 when empty
 * @param volume the loaded cartridge's volume name, or null
 */
public record DriveContent(int index, int slot, String volume) {

  public boolean loaded() {
    return slot > 0 || volume != null;
  }

  public Optional<String> volumeIfAny() {
    return Optional.ofNullable(volume);
  }
}
