package io.tapeflow.workflows.lifecycle;

import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.time.Instant;

/**
 * Places a tape found by reconciliation in the lifecycle, from what the gateway, the changer and
 * Bacula say. When the facts do not say enough (e.g. a tape in a storage slot that Bacula does not
 * know), the tape stays ADOPTED and an operator resumes it with a state.
 */
final class TapeAdoption {
  private TapeAdoption() {}

  static TapeRecord place(TapeRecord r, Instant now, Duration defaultHold) {
    TapeState target = classify(r);
    if (target == null) {
      return r;
    }
    GatewayStatus g = r.gateway();
    String reason = "adopted: the gateway reports " + g.status();
    if (r.volume() != null) {
      reason += ", Bacula reports " + r.volume().volStatus();
    }
    TapeRecord.Builder b;
    if (target == TapeState.FAILED) {
      return TransitionTable.fail(
          r,
          now,
          new Failure(
              null,
              Failures.TAPE_IRRECOVERABLE,
              "adopted a tape the gateway reports IRRECOVERABLE: recover or delete it, then resume"));
    }
    b = TransitionTable.enter(r, target, now, reason, null).toBuilder();
    b.gate = Instant.EPOCH;
    b.labeledAt = r.volume() == null ? null : Instant.EPOCH;
    Hold hold = new Hold("adopted", defaultHold, null, null, false);
    switch (target) {
      case RETRIEVING -> {
        b.done.add(Step.RETRIEVE);
        b.location = Location.transit();
        b.readOnly = true;
        b.holds.add(hold);
      }
      case RETRIEVED_IN_IE -> {
        b.readOnly = true;
        b.holds.add(hold);
      }
      case IMPORTING -> {
        // A retrieved copy already inside the library: only Bacula's Read-Only mark is missing.
        b.done.add(Step.IMPORT);
        b.readOnly = true;
        b.holds.add(hold);
      }
      case IN_TRANSIT -> b.location = Location.transit();
      case ARCHIVED -> {
        b.location = Location.shelf();
        b.archivedAt = g.archivedAt() != null ? g.archivedAt() : g.observedAt();
      }
      case DELETED -> {
        b.location = Location.none();
      }
      default -> {}
    }
    return b.build();
  }

  /** The state the facts put an adopted tape in, or null if they do not say. */
  static TapeState classify(TapeRecord r) {
    GatewayStatus g = r.gateway();
    if (g == null) {
      return null;
    }
    Location.Kind where = r.location().kind();
    boolean inside = where == Location.Kind.SLOT || where == Location.Kind.DRIVE;
    return switch (g.status()) {
      case GatewayStatuses.CREATING -> TapeState.CREATING;
      case GatewayStatuses.AVAILABLE -> {
        if (where == Location.Kind.IE_SLOT) {
          yield TapeState.IN_IE_SLOT;
        }
        if (!inside || r.volume() == null) {
          yield null;
        }
        TapeState s = VolumeRules.volumeState(r.volume());
        yield s == TapeState.FAILED ? null : s;
      }
      case GatewayStatuses.IN_TRANSIT_TO_VTS, GatewayStatuses.ARCHIVING -> TapeState.IN_TRANSIT;
      case GatewayStatuses.ARCHIVED -> TapeState.ARCHIVED;
      case GatewayStatuses.RETRIEVING -> TapeState.RETRIEVING;
      case GatewayStatuses.RETRIEVED ->
          where == Location.Kind.IE_SLOT
              ? TapeState.RETRIEVED_IN_IE
              : inside ? TapeState.IMPORTING : null;
      case GatewayStatuses.DELETED, GatewayStatuses.DELETING -> TapeState.DELETED;
      case GatewayStatuses.IRRECOVERABLE -> TapeState.FAILED;
      default -> null;
    };
  }
}
