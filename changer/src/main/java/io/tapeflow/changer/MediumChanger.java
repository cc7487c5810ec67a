package io.tapeflow.changer;

import java.util.Optional;

/**
 * A medium changer (robot) and its elements. Every method reads the device; nothing is cached
 * across calls. Implementations take the host-wide changer lock around each move and around every
 * inventory used to choose a slot, so tapeflow and Bacula's storage daemon never move at once.
 */
public interface MediumChanger extends AutoCloseable {

  /** Reads every element: transport, storage, import/export and drives. */
  Inventory inventory();

  /**
   * Moves the cartridge in {@code from} to the empty element {@code to}.
   *
   * @throws ChangerException subclasses naming the condition (source empty, destination full,
   *     removal prevented, not ready, ...)
   */
  void move(int from, int to);

  /** Where the cartridge with this barcode is now, if the library holds it. */
  Optional<Element> locate(String barcode);

  /**
   * Makes sure the cartridge {@code barcode} is in element {@code destination}, moving it only if
   * it is not there yet; the position is read under the lock right before deciding.
   *
   * @param expectedSource where the caller believes the cartridge is; if it is elsewhere (and not
   *     already at the destination) the call fails naming both places instead of moving it
   * @return whether a move was made
   */
  MoveOutcome ensureAt(String barcode, int expectedSource, int destination);

  /** Where this changer is reached, for messages (never includes a password). */
  String describe();

  @Override
  void close();

  /** What {@link #ensureAt} did. */
  enum MoveOutcome {
    MOVED,
    ALREADY_THERE
  }
}
