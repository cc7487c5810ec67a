package io.tapeflow.activities.changer;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.changer.LocateRequest;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChangerActivities} on the changers of this host. Each call takes the changer's host-wide
 * lock (waiting for it in short rounds, heartbeating between them), reads where the tape is, and
 * moves it with {@code ensureIn}, which picks the free element under that lock. A tape already
 * where the call would put it is a success, so retries are harmless; a tape somewhere that makes no
 * sense for the call fails with {@code TapeMisplaced}, naming where it is.
 */
public final class ChangerActivitiesImpl implements ChangerActivities {
  private static final Logger LOG = LoggerFactory.getLogger(ChangerActivitiesImpl.class);
  private static final Duration LOCK_ROUND = Duration.ofSeconds(20);
  private static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);

  private final Libraries libraries;

  public ChangerActivitiesImpl(Libraries libraries) {
    this.libraries = libraries;
  }

  @Override
  public Location importToSlot(MoveRequest r) {
    MediumChanger c = libraries.get(r.library());
    ChangerHeartbeat last = Heartbeats.last();
    return locked(
        c,
        "import " + r.barcode(),
        last,
        () -> {
          Element at = where(c, r.barcode().value());
          switch (at.type()) {
            case STORAGE -> {
              return Location.slot(at.address());
            }
            case IMPORT_EXPORT -> {
              Heartbeats.beat(last.doing("moving " + r.barcode() + " from " + at.describe()));
              MediumChanger.Placement p = c.ensureIn(r.barcode().value(), ElementType.STORAGE);
              LOG.info(
                  "{}: imported {} into {} ({})",
                  c.describe(),
                  r.barcode(),
                  p.element(),
                  r.requestId());
              return Location.slot(p.element().address());
            }
            default ->
                throw Failures.of(
                    Failures.TAPE_MISPLACED,
                    "tape "
                        + r.barcode()
                        + " is in "
                        + at.describe()
                        + ", not in an I/E slot: someone loaded it; unload it with `tapeflow changer"
                        + " move`, then resume");
          }
        });
  }

  @Override
  public Location exportToIe(MoveRequest r) {
    MediumChanger c = libraries.get(r.library());
    ChangerHeartbeat last = Heartbeats.last();
    Optional<Integer> movedBefore = last.placed();
    return locked(
        c,
        "export " + r.barcode(),
        last,
        () -> {
          Optional<Element> found = c.locate(r.barcode().value());
          if (found.isEmpty()) {
            if (movedBefore.isPresent()) {
              // An earlier attempt moved it; the gateway has taken it from the I/E slot since.
              return Location.ieSlot(movedBefore.get());
            }
            throw Failures.of(
                Failures.TAPE_NOT_FOUND,
                "tape "
                    + r.barcode()
                    + " is not in "
                    + c.describe()
                    + ": if it was exported by hand the gateway has taken it; check its status at"
                    + " the gateway, then resume in the right state");
          }
          Element at = found.get();
          if (at.type() == ElementType.IMPORT_EXPORT) {
            return Location.ieSlot(at.address());
          }
          try {
            MediumChanger.Placement p = c.ensureIn(r.barcode().value(), ElementType.IMPORT_EXPORT);
            Heartbeats.beat(ChangerHeartbeat.placed(p.element().address()));
            LOG.info(
                "{}: exported {} to {} ({})",
                c.describe(),
                r.barcode(),
                p.element(),
                r.requestId());
            return Location.ieSlot(p.element().address());
          } catch (MediumRemovalPreventedException e) {
            if (at.type() == ElementType.DRIVE) {
              int drive = driveIndex(c.inventory(), at.address());
              throw Failures.of(
                  Failures.TAPE_IN_DRIVE,
                  "tape "
                      + r.barcode()
                      + " is held in drive "
                      + drive
                      + " ("
                      + at.describe()
                      + "): Bacula must release the drive first",
                  drive);
            }
            throw e;
          }
        });
  }

  @Override
  public Location unload(MoveRequest r) {
    MediumChanger c = libraries.get(r.library());
    return locked(
        c,
        "unload " + r.barcode(),
        Heartbeats.last(),
        () -> {
          Element at = where(c, r.barcode().value());
          if (at.type() != ElementType.DRIVE) {
            return location(c.inventory(), at);
          }
          Inventory inv = c.inventory();
          Optional<Element> home =
              at.sourceIfAny()
                  .flatMap(inv::at)
                  .filter(e -> e.type() == ElementType.STORAGE && !e.full());
          if (home.isPresent()) {
            c.ensureAt(r.barcode().value(), home.get().location());
            return Location.slot(home.get().address());
          }
          return Location.slot(
              c.ensureIn(r.barcode().value(), ElementType.STORAGE).element().address());
        });
  }

  @Override
  public Location locate(LocateRequest r) {
    MediumChanger c = libraries.get(r.library());
    try {
      Inventory inv = c.inventory();
      return inv.locate(r.barcode().value()).map(e -> location(inv, e)).orElse(Location.none());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public LibraryLayout layout(String library) {
    try {
      return layoutOf(libraries.get(library).inventory());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /** A library's element addresses by kind, as {@link #layout} reports them. */
  public static LibraryLayout layoutOf(Inventory inv) {
    return LibraryLayout.of(
        addresses(inv, ElementType.STORAGE),
        addresses(inv, ElementType.IMPORT_EXPORT),
        addresses(inv, ElementType.DRIVE));
  }

  private static List<Integer> addresses(Inventory inv, ElementType type) {
    return inv.ofType(type).stream().map(Element::address).toList();
  }

  // ---------------------------------------------------------------- helpers

  private static Element where(MediumChanger c, String barcode) {
    return c.locate(barcode)
        .orElseThrow(
            () ->
                Failures.of(
                    Failures.TAPE_NOT_FOUND,
                    "tape "
                        + barcode
                        + " is not in "
                        + c.describe()
                        + ": check its status at the gateway"));
  }

  static Location location(Inventory inv, Element e) {
    return switch (e.type()) {
      case STORAGE -> Location.slot(e.address());
      case IMPORT_EXPORT -> Location.ieSlot(e.address());
      case DRIVE -> Location.drive(e.address());
      case TRANSPORT -> Location.none();
    };
  }

  /** Bacula's and mtx's drive number: the position among drive elements in address order. */
  static int driveIndex(Inventory inv, int address) {
    List<Element> drives = inv.ofType(ElementType.DRIVE);
    for (int i = 0; i < drives.size(); i++) {
      if (drives.get(i).address() == address) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Runs a decision under the changer's lock, which every {@link MediumChanger} has: taken in
   * rounds of {@link #LOCK_ROUND}, with a heartbeat between rounds, for up to {@link
   * #LOCK_PATIENCE}; the changer's own calls inside take the same, reentrant lock.
   *
   * @param last the attempt's heartbeat so far, carried into the heartbeats of the wait
   */
  private <T> T locked(MediumChanger c, String what, ChangerHeartbeat last, Supplier<T> action) {
    try {
      Instant giveUp = Instant.now().plus(LOCK_PATIENCE);
      AtomicBoolean started = new AtomicBoolean();
      Supplier<T> marked =
          () -> {
            started.set(true);
            return action.get();
          };
      while (true) {
        try {
          return c.withLock("tapeflow " + what, LOCK_ROUND, marked);
        } catch (ChangerBusyException busy) {
          if (started.get() || Instant.now().isAfter(giveUp)) {
            throw busy;
          }
          Heartbeats.beat(last.doing("waiting for the lock of " + c.describe() + " to " + what));
        }
      }
    } catch (ApplicationFailure | ActivityCompletionException f) {
      throw f;
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private static ApplicationFailure failure(RuntimeException e) {
    return e instanceof ApplicationFailure f ? f : ChangerFailures.of(e);
  }
}
