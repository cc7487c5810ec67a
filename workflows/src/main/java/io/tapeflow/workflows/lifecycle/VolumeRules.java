package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.FAILED;
import static io.tapeflow.workflows.lifecycle.TapeState.FULL;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_USE;
import static io.tapeflow.workflows.lifecycle.TapeState.ONLINE_READ_ONLY;
import static io.tapeflow.workflows.lifecycle.TapeState.SCRATCH;

import io.tapeflow.workflows.common.Failures;
import java.time.Instant;

/** What Bacula's catalog says about a tape's volume: its state, and where the tape is. */
final class VolumeRules {
  private VolumeRules() {}

  /** The state a Bacula volume status puts a written tape in, or null if it says nothing. */
  static TapeState volumeState(VolumeStatus v) {
    if (v.is(VolStatuses.BUSY) || v.jobRunning()) {
      return IN_USE;
    }
    if (v.is(VolStatuses.FULL)
        || v.is(VolStatuses.USED)
        || v.is(VolStatuses.ARCHIVE)
        || v.is(VolStatuses.READ_ONLY)
        || v.is(VolStatuses.DISABLED)) {
      return FULL;
    }
    if (v.is(VolStatuses.APPEND) || v.is(VolStatuses.RECYCLE) || v.is(VolStatuses.PURGED)) {
      return SCRATCH;
    }
    if (v.is(VolStatuses.ERROR)) {
      return FAILED;
    }
    return null;
  }

  static TapeRecord followVolume(TapeRecord r, Instant now) {
    VolumeStatus v = r.volume();
    if (v == null
        || r.readOnly()
        || (r.labeledAt() != null && v.observedAt().isBefore(r.labeledAt()))) {
      return r;
    }
    TapeState target = volumeState(v);
    if (target == null || target == r.state()) {
      return r;
    }
    if (target == FAILED) {
      return TransitionTable.fail(
          r,
          now,
          new Failure(
              null,
              Failures.VOLUME_ERROR,
              "Bacula marked volume "
                  + v.volume()
                  + " Error: check the storage daemon's log (bconsole: messages), fix or replace"
                  + " the tape, then resume"));
    }
    String why =
        "Bacula reports VolStatus "
            + v.volStatus()
            + (v.jobId() == null
                ? ""
                : " (job " + v.jobId() + (v.jobRunning() ? " running)" : ")"));
    return TransitionTable.enter(r, target, now, why, null);
  }

  /** Takes the tape's position from the newest Bacula fact, if it is newer than the state. */
  static TapeRecord withVolumeLocation(TapeRecord r, LibraryLayout layout) {
    VolumeStatus v = r.volume();
    TapeState s = r.state();
    if (v == null
        || v.observedAt().isBefore(r.since())
        || !(s == SCRATCH || s == IN_USE || s == FULL || s == ONLINE_READ_ONLY)) {
      return r;
    }
    Location l = baculaPlace(v, layout, true);
    return l == null || l.equals(r.location()) ? r : r.toBuilder().location(l).build();
  }

  /** Where Bacula's catalog puts the tape, as an element, or null if it does not say. */
  static Location baculaPlace(VolumeStatus v, LibraryLayout layout, boolean askInChanger) {
    if (v.drive() != null && v.drive() >= 0) {
      return LibraryLayout.ofDrive(layout, v.drive());
    }
    if (v.slot() != null
        && v.slot() > 0
        && !(askInChanger && Boolean.FALSE.equals(v.inChanger()))) {
      return LibraryLayout.ofSlot(layout, v.slot());
    }
    return null;
  }
}
