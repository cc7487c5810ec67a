package io.tapeflow.changer;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A medium changer (robot) and its elements. Every method reads the device; no position is cached
 * across calls. Moves take the host-wide {@link ChangerLock} and read the inventory under it right
 * before deciding, so tapeflow and Bacula's storage daemon never move at once and never move blind
 * (DESIGN invariants 1–3).
 *
 * <p>Addresses are SMC element addresses, unique in a library. With the {@code mtx} transport they
 * are mtx's numbers (drives 0..D-1, slots 1..S+I), which overlap: there a plain number that names
 * both a drive and a slot is refused, and the {@link ElementAddress} forms say which one is meant.
 */
public interface MediumChanger extends AutoCloseable {

  /** Reads every element: transport, drives, storage and import/export. Takes no lock. */
  Inventory inventory();

  /**
   * Moves the cartridge in {@code from} to the empty element {@code to}, after checking both
   * against an inventory read under the lock.
   *
   * @throws UnknownAddressException when an address is not in the library (nothing is sent)
   * @throws SourceEmptyException when {@code from} holds no cartridge
   * @throws DestinationFullException when {@code to} holds one
   * @throws ChangerException other subclasses naming the device's answer (removal prevented, not
   *     ready, hardware error, ...)
   */
  void move(int from, int to);

  /** {@link #move(int, int)} with typed addresses. */
  void move(ElementAddress from, ElementAddress to);

  /** Where the cartridge with this barcode is now, if the library holds it. */
  Optional<Element> locate(String barcode);

  /**
   * Makes sure the cartridge {@code barcode} is in element {@code destination}, wherever it is now:
   * already there → {@link MoveOutcome#ALREADY_THERE} without a move; elsewhere → one move.
   *
   * @throws TapeNotFoundException when no element holds it
   */
  MoveOutcome ensureAt(String barcode, int destination);

  /** {@link #ensureAt(String, int)} with a typed destination. */
  MoveOutcome ensureAt(String barcode, ElementAddress destination);

  /**
   * Makes sure the cartridge {@code barcode} is in element {@code destination}, moving it only if
   * it is not there yet; the position is read under the lock right before deciding.
   *
   * @param expectedSource where the caller believes the cartridge is; if it is elsewhere (and not
   *     already at the destination) the call fails with {@link UnexpectedLocationException} naming
   *     both places instead of moving it
   * @return whether a move was made
   */
  MoveOutcome ensureAt(String barcode, int expectedSource, int destination);

  /**
   * Makes sure the cartridge {@code barcode} is in some element of {@code type}: if it already is,
   * nothing moves; otherwise the lowest-addressed empty element of that type is chosen under the
   * lock, right before the move, so two callers never pick the same one (DESIGN invariant 3).
   *
   * @throws TapeNotFoundException when no element holds the cartridge
   * @throws NoFreeElementException when no element of that type is empty
   */
  Placement ensureIn(String barcode, ElementType type);

  /**
   * Asks the library to re-inventory every element (INITIALIZE ELEMENT STATUS; {@code mtx
   * inventory}). Slow on physical libraries, a no-op on a virtual one.
   */
  void initializeElementStatus();

  /**
   * Runs {@code action} holding this changer's host-wide lock, waiting up to {@code timeout} for
   * it. Every changer has one (DESIGN invariant 1): a caller that reads, decides and moves as one
   * step puts the step here. The lock is reentrant, so this changer's own calls inside {@code
   * action} take it again without waiting.
   *
   * @param what what the lock is taken for, shown to whoever waits for it
   * @throws ChangerBusyException when someone else held it for all of {@code timeout}; then {@code
   *     action} did not run
   */
  <T> T withLock(String what, Duration timeout, Supplier<T> action);

  /** Where this changer is reached, for messages (never includes a password). */
  String describe();

  @Override
  void close();

  /** What {@link #ensureAt} did. */
  enum MoveOutcome {
    MOVED,
    ALREADY_THERE
  }

  /**
   * Where {@link #ensureIn} left the cartridge.
   *
   * @param element the element now holding it
   * @param outcome whether a move was made
   */
  record Placement(ElementAddress element, MoveOutcome outcome) {}
}
