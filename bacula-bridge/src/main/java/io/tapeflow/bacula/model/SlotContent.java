package io.tapeflow.bacula.model;

import java.util.Optional;

/**
 * One storage or import/export slot as {@code .api 2} + {@code status slots} prints it ({@code
 * S|slot|realslot|volume|bytes|status|mediatype|pool|lastwritten|expires}, {@code I|...} for
 * import/export slots).
 *
 * @param slot Bacula's slot number (as the Changer Command reports it)
 * @param importExport whether it is an import/export slot
 * @param volume the cartridge's volume name, or null when the slot is empty
 * @param catalogSlot the slot the catalog records for that volume (0: none)
 * @param status the catalog VolStatus, or null when the volume is not in the catalog ({@code ?})
 * @param pool the catalog pool, or null
 */
public record SlotContent(
    int slot, boolean importExport, String volume, int catalogSlot, VolStatus status, String pool) {

  public boolean full() {
    return volume != null;
  }

  /** Whether the catalog knows the cartridge in this slot. */
  public boolean inCatalog() {
    return status != null;
  }

  public Optional<String> volumeIfAny() {
    return Optional.ofNullable(volume);
  }
}
