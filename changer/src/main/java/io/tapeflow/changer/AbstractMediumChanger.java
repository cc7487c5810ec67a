package io.tapeflow.changer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The decisions every changer shares, on top of two primitives a transport provides: reading the
 * inventory and sending one move. Moves, {@code ensureAt} and {@code ensureIn} run under the {@link
 * ChangerLock}, read a fresh inventory under it, validate, then move; a unit attention makes them
 * read again and re-decide, a bounded number of times.
 */
public abstract class AbstractMediumChanger implements MediumChanger {

  private final ChangerLock lock;
  private final Duration lockTimeout;
  private final int maxUnitAttentions;

  /**
   * @param lock the host-wide lock of this changer
   * @param lockTimeout how long a move waits for the lock
   * @param maxUnitAttentions how many unit attentions in a row a move absorbs before failing
   */
  protected AbstractMediumChanger(ChangerLock lock, Duration lockTimeout, int maxUnitAttentions) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    this.maxUnitAttentions = maxUnitAttentions;
  }

  /** Reads every element from the device, now. */
  protected abstract Inventory readInventory();

  /**
   * Sends one move between two elements already validated against {@code inventory}: {@code from}
   * is full and {@code to} is empty.
   */
  protected abstract void moveMedium(Inventory inventory, Element from, Element to);

  /** The lock this changer takes. */
  public final ChangerLock lock() {
    return lock;
  }

  @Override
  public final <T> T withLock(String what, Duration timeout, Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    return lock.call(timeout, what + " on " + describe(), action);
  }

  @Override
  public Inventory inventory() {
    return readInventory();
  }

  @Override
  public void move(int from, int to) {
    underLock(
        "move " + from + " -> " + to,
        inv -> {
          validatedMove(inv, inv.resolve(from), inv.resolve(to));
          return null;
        });
  }

  @Override
  public void move(ElementAddress from, ElementAddress to) {
    underLock(
        "move " + from + " -> " + to,
        inv -> {
          validatedMove(inv, inv.resolve(from), inv.resolve(to));
          return null;
        });
  }

  @Override
  public Optional<Element> locate(String barcode) {
    Barcodes.requireValid(barcode);
    return readInventory().locate(barcode);
  }

  @Override
  public MoveOutcome ensureAt(String barcode, int destination) {
    Barcodes.requireValid(barcode);
    return underLock(
        "ensure " + barcode + " at " + destination,
        inv -> moveHere(inv, barcode, inv.resolve(destination)));
  }

  @Override
  public MoveOutcome ensureAt(String barcode, ElementAddress destination) {
    Barcodes.requireValid(barcode);
    return underLock(
        "ensure " + barcode + " at " + destination,
        inv -> moveHere(inv, barcode, inv.resolve(destination)));
  }

  private MoveOutcome moveHere(Inventory inv, String barcode, Element to) {
    Element at = inv.locate(barcode).orElseThrow(() -> notFound(barcode));
    if (at.location().equals(to.location())) {
      return MoveOutcome.ALREADY_THERE;
    }
    validatedMove(inv, at, to);
    return MoveOutcome.MOVED;
  }

  @Override
  public MoveOutcome ensureAt(String barcode, int expectedSource, int destination) {
    Barcodes.requireValid(barcode);
    return underLock(
        "ensure " + barcode + " from " + expectedSource + " at " + destination,
        inv -> {
          Element expected = inv.resolve(expectedSource);
          Element to = inv.resolve(destination);
          Element at = inv.locate(barcode).orElseThrow(() -> notFound(barcode));
          if (at.location().equals(to.location())) {
            return MoveOutcome.ALREADY_THERE;
          }
          if (!at.location().equals(expected.location())) {
            throw new UnexpectedLocationException(
                barcode, expected.location(), at.location(), describe());
          }
          validatedMove(inv, at, to);
          return MoveOutcome.MOVED;
        });
  }

  @Override
  public Placement ensureIn(String barcode, ElementType type) {
    Barcodes.requireValid(barcode);
    Objects.requireNonNull(type, "type");
    return underLock(
        "place " + barcode + " in a free " + type.label(),
        inv -> {
          Element at = inv.locate(barcode).orElseThrow(() -> notFound(barcode));
          if (at.type() == type) {
            return new Placement(at.location(), MoveOutcome.ALREADY_THERE);
          }
          Element free =
              inv.firstEmpty(type).orElseThrow(() -> new NoFreeElementException(type, describe()));
          validatedMove(inv, at, free);
          return new Placement(free.location(), MoveOutcome.MOVED);
        });
  }

  private void validatedMove(Inventory inv, Element from, Element to) {
    if (!from.full()) {
      throw SourceEmptyException.at(from.location(), describe(), null);
    }
    if (to.full()) {
      throw DestinationFullException.at(to.location(), to.barcode(), describe(), null);
    }
    moveMedium(inv, from, to);
  }

  /**
   * Runs a decision under the lock with an inventory read under it; on a unit attention, reads
   * again and re-decides (bounded).
   */
  private <T> T underLock(String what, Function<Inventory, T> decide) {
    return lock.call(
        lockTimeout,
        what + " on " + describe(),
        () -> {
          for (int attempt = 0; ; attempt++) {
            try {
              return decide.apply(readInventory());
            } catch (UnitAttentionException e) {
              if (attempt >= maxUnitAttentions) {
                throw e;
              }
            }
          }
        });
  }

  private TapeNotFoundException notFound(String barcode) {
    return new TapeNotFoundException(barcode, describe());
  }
}
