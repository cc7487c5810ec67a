package io.tapeflow.workflows.changer;

import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.activity.ActivityInterface;

/**
 * Robot moves and lookups on one library's medium changer. Runs on task queue {@code
 * changer/<library>}, polled only by the worker on the host that sees that changer.
 *
 * <p>Every move goes through the changer's {@code ensureAt} under the host-wide changer lock: the
 * tape's position is read under the lock right before deciding, a free destination is chosen under
 * the same lock, and a tape already where the move would put it counts as success, so a retried
 * request is harmless. A tape found somewhere unexpected fails with {@code TapeMisplaced}, naming
 * both places; the robot never moves blind. Implementations heartbeat while they wait for the lock
 * or the robot. Every {@link Location} they return holds an element address, drives included.
 *
 * <p>Failure types: {@code TapeNotFound}, {@code TapeMisplaced}, {@code TapeInDrive}, {@code
 * ElementOccupied}, {@code SourceEmpty}, {@code NoFreeElement} (non-retryable); {@code
 * ChangerNotReady} (retried).
 */
@ActivityInterface(namePrefix = "Changer")
public interface ChangerActivities {

  /**
   * Imports the tape from its I/E slot into a free storage slot.
   *
   * @return the storage slot the tape is in (also when it already was in one)
   */
  Location importToSlot(MoveRequest request);

  /**
   * Unloads the tape from its drive into its source slot, or a free storage slot if that is taken.
   *
   * @return the storage slot
   */
  // Kept for the worker's reconciliation and the archival policy.
  Location unload(MoveRequest request);

  /**
   * Exports the tape to a free I/E slot, which sends it to the shelf. Fails with {@code
   * TapeInDrive} (details: Bacula's index of the drive) when the tape sits in a drive: Bacula must
   * release the drive first.
   *
   * @return the I/E slot (also when the tape already was in one)
   */
  Location exportToIe(MoveRequest request);

  /**
   * Where the tape is now, read from the changer.
   *
   * @return the element, or {@link Location#none()} if the library does not hold the tape
   */
  // Kept for the worker's reconciliation and the archival policy.
  Location locate(LocateRequest request);

  /**
   * The library's element addresses by kind, read from the changer: what turns Bacula's slot and
   * drive numbers into elements ({@link LibraryLayout}).
   *
   * @param library the changer's configured name
   */
  LibraryLayout layout(String library);
}
