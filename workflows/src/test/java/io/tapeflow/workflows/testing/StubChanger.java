package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.changer.LocateRequest;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import java.util.HashMap;
import java.util.Map;

/** A stand-in for the changer in workflow tests: where each tape is, plus injected failures. */
public final class StubChanger implements ChangerActivities {
  public final Faults faults = new Faults();
  private final Map<String, Location> where = new HashMap<>();
  private int nextSlot = 1025;
  private boolean drivesHeld;
  private int nextIe = 1601;

  /** Whether drives refuse to give up their tapes (Bacula has them open), as SMC's 53/02. */
  public synchronized void holdDrives(boolean held) {
    drivesHeld = held;
  }

  /** Puts a tape somewhere, as Bacula's storage daemon or the gateway would. */
  public synchronized void put(String barcode, Location l) {
    where.put(barcode, l);
  }

  public synchronized Location where(String barcode) {
    return where.getOrDefault(barcode, Location.none());
  }

  @Override
  public synchronized Location importToSlot(MoveRequest r) {
    faults.enter("importToSlot");
    Location l = where(r.barcode().value());
    if (l.kind() == Location.Kind.SLOT) {
      return l;
    }
    Location slot = Location.slot(nextSlot++);
    where.put(r.barcode().value(), slot);
    return slot;
  }

  @Override
  public synchronized Location unload(MoveRequest r) {
    faults.enter("unload");
    Location slot = Location.slot(nextSlot++);
    where.put(r.barcode().value(), slot);
    return slot;
  }

  @Override
  public synchronized Location exportToIe(MoveRequest r) {
    faults.enter("exportToIe");
    Location l = where(r.barcode().value());
    if (l.kind() == Location.Kind.DRIVE && drivesHeld) {
      throw Failures.of(
          Failures.TAPE_IN_DRIVE,
          r.barcode().value()
              + " is in drive "
              + Tapes.LAYOUT.driveIndex(l)
              + "; Bacula must release it first",
          Tapes.LAYOUT.driveIndex(l));
    }
    if (l.kind() == Location.Kind.IE_SLOT) {
      return l;
    }
    Location ie = Location.ieSlot(nextIe++);
    where.put(r.barcode().value(), ie);
    return ie;
  }

  @Override
  public synchronized Location locate(LocateRequest r) {
    faults.enter("locate");
    return where(r.barcode().value());
  }

  @Override
  public LibraryLayout layout(String library) {
    faults.enter("layout");
    return Tapes.LAYOUT;
  }
}
