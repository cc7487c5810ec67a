package io.tapeflow.infra.emulator.library;

import io.tapeflow.changer.Inventory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateway's side of its tape library: what the gateway itself does to the library (put a new or
 * retrieved cartridge into an empty element, take an archived one out) and how it watches what the
 * initiators do (read the inventory; tgt raises no unit attention, so the gateway polls).
 */
public interface LibrarySide extends AutoCloseable {

  /** The library's elements and its iSCSI devices. */
  LibraryLayout layout();

  /** Reads every element now. */
  Inventory inventory();

  /**
   * Puts a cartridge with this barcode into an empty storage or import/export element, creating its
   * image if the library keeps one.
   */
  void place(String barcode, int address);

  /** Empties a storage or import/export element (the cartridge leaves the library). */
  void clear(int address);

  /** Moves a cartridge as an initiator would (used to put tapes back into drives at restart). */
  void move(int from, int to);

  /** The library's own image file for this barcode (tgt's tape image), if it keeps one. */
  Optional<Path> imageOf(String barcode);

  /** Stops the library and everything it started. */
  @Override
  void close();
}
