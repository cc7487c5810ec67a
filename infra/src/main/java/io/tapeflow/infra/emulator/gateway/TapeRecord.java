package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.ElementType;
import java.time.Duration;
import java.time.Instant;

/**
 * One tape as the gateway keeps it, persisted in the state file. Mutable, and only touched under
 * the gateway's lock. Timestamps decide what is due, so a restarted emulator resumes every timed
 * phase where the clock says it should be.
 */
final class TapeRecord {
  String barcode;
  long sizeBytes;
  long usedBytes;
  Instant created;
  String poolId;
  Instant poolEntryDate;
  Instant retentionStartDate;
  boolean worm;
  String kmsKey;

  Phase phase;
  Instant phaseSince;

  /** When the current timed phase (CREATING, IN_TRANSIT, ARCHIVING, RETRIEVING) ends. */
  Instant phaseDue;

  /** Whether this archive's data is on the shelf (set during IN_TRANSIT). */
  boolean uploaded;

  /** Whether the shelf holds the tape's data (from its first archive on). */
  boolean shelved;

  Instant completionTime;
  String retrievedTo;

  /** Where the library last showed the tape; null while it is not in the library. */
  ElementType elementType;

  Integer elementAddress;

  /** The element's source address when last seen (tgt sets it on every move). */
  Integer elementSource;

  /**
   * Whether {@link #elementSource} was read from the library since the tape was put where it is;
   * until then the first source seen is adopted rather than taken for a move.
   */
  boolean sourceSeen;

  TapeRecord() {}

  void enter(Phase next, Instant now, Duration duration) {
    phase = next;
    phaseSince = now;
    phaseDue = duration == null ? null : now.plus(duration);
  }

  boolean due(Instant now) {
    return phaseDue != null && !now.isBefore(phaseDue);
  }

  boolean inLibrary() {
    return elementType != null && elementAddress != null;
  }

  void at(ElementType type, Integer address, Integer source) {
    elementType = type;
    elementAddress = address;
    elementSource = source;
    sourceSeen = false;
  }

  void leaveLibrary() {
    at(null, null, null);
  }

  /** Progress of a timed phase in percent, 0 to 100. */
  double progress(Instant now) {
    if (phaseDue == null || phaseSince == null) {
      return phase == Phase.ARCHIVING ? 100.0 : 0.0;
    }
    long total = Duration.between(phaseSince, phaseDue).toMillis();
    if (total <= 0) {
      return 100.0;
    }
    long done = Duration.between(phaseSince, now).toMillis();
    return Math.max(0.0, Math.min(100.0, 100.0 * done / total));
  }
}
