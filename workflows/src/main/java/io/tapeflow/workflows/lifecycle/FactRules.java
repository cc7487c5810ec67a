package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.ADOPTED;
import static io.tapeflow.workflows.lifecycle.TapeState.ARCHIVED;
import static io.tapeflow.workflows.lifecycle.TapeState.CREATING;
import static io.tapeflow.workflows.lifecycle.TapeState.DELETED;
import static io.tapeflow.workflows.lifecycle.TapeState.EJECTING;
import static io.tapeflow.workflows.lifecycle.TapeState.EXPIRING;
import static io.tapeflow.workflows.lifecycle.TapeState.FAILED;
import static io.tapeflow.workflows.lifecycle.TapeState.FULL;
import static io.tapeflow.workflows.lifecycle.TapeState.IMPORTING;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_IE_SLOT;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_SLOT;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_TRANSIT;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_USE;
import static io.tapeflow.workflows.lifecycle.TapeState.LABELING;
import static io.tapeflow.workflows.lifecycle.TapeState.ONLINE_READ_ONLY;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVED_IN_IE;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVING;
import static io.tapeflow.workflows.lifecycle.TapeState.SCRATCH;

import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.time.Instant;

/**
 * Outside facts (gateway statuses, Bacula volume statuses) kept as the newest observation and
 * applied level-wise by {@link #advance}, so duplicates and late, out-of-order observations change
 * nothing.
 */
final class FactRules {
  private FactRules() {}

  /** Keeps a gateway observation if it is newer than the one known. */
  public static TapeRecord recordGateway(TapeRecord r, GatewayStatus s) {
    if (r.gateway() != null && !s.observedAt().isAfter(r.gateway().observedAt())) {
      return r;
    }
    TapeRecord.Builder b = r.toBuilder();
    b.gateway = s;
    return b.build();
  }

  /** Keeps a Bacula observation if it is newer than the one known. */
  public static TapeRecord recordVolume(TapeRecord r, VolumeStatus v) {
    if (r.volume() != null && !v.observedAt().isAfter(r.volume().observedAt())) {
      return r;
    }
    TapeRecord.Builder b = r.toBuilder();
    b.volume = v;
    return b.build();
  }

  /**
   * Applies every automatic and fact-driven transition that holds now, until none does.
   *
   * @param defaultHold how long to keep a retrieved copy online when nobody asked for it (a copy
   *     retrieved outside tapeflow)
   */
  public static TapeRecord advance(TapeRecord r, Instant now, Duration defaultHold) {
    return advance(r, now, defaultHold, null);
  }

  /**
   * {@link #advance(TapeRecord, Instant, Duration)} placing Bacula's slot and drive numbers with
   * the library's layout (null: a run started before tapeflow read layouts keeps Bacula's numbers).
   */
  public static TapeRecord advance(
      TapeRecord r, Instant now, Duration defaultHold, LibraryLayout layout) {
    for (int i = 0; i < 16; i++) {
      TapeRecord next = advanceOnce(r, now, defaultHold, layout);
      if (next.equals(r)) {
        return r;
      }
      r = next;
    }
    throw new IllegalStateException("lifecycle does not settle in state " + r.state());
  }

  private static TapeRecord advanceOnce(
      TapeRecord r, Instant now, Duration defaultHold, LibraryLayout layout) {
    TapeState s = r.state();
    if (s.terminal() || s == FAILED) {
      return r;
    }
    GatewayStatus g = r.gateway();
    boolean gFreshSinceState = g != null && !g.observedAt().isBefore(r.since());
    if (gFreshSinceState && s != EXPIRING) {
      if (g.is(GatewayStatuses.IRRECOVERABLE)) {
        return TransitionTable.fail(
            r, now, new Failure(null, Failures.TAPE_IRRECOVERABLE, irrecoverable()));
      }
      if ((g.is(GatewayStatuses.DELETED) || g.is(GatewayStatuses.DELETING)) && s != ADOPTED) {
        return TransitionTable.fail(
            r, now, new Failure(null, Failures.DELETED_OUTSIDE, deletedOutside(g)));
      }
    }
    if (s == ADOPTED) {
      return TapeAdoption.place(r, now, defaultHold);
    }
    if (StepPlan.nextStep(r) != null) {
      return VolumeRules.withVolumeLocation(r, layout);
    }
    boolean gFresh = g != null && !g.observedAt().isBefore(r.gate());
    return switch (s) {
      case CREATING ->
          gFresh && g.is(GatewayStatuses.AVAILABLE)
              ? TransitionTable.enter(
                      r, IN_IE_SLOT, now, "the gateway reports the tape AVAILABLE", null)
                  .toBuilder()
                  .location(Location.ieSlot(-1))
                  .build()
              : r;
      case IN_IE_SLOT, RETRIEVED_IN_IE ->
          TransitionTable.enter(r, IMPORTING, now, "import from the I/E slot", null);
      case IMPORTING ->
          r.readOnly()
              ? startHolds(
                  TransitionTable.enter(
                      r, ONLINE_READ_ONLY, now, "the retrieved copy is online, Read-Only", null),
                  now)
              : TransitionTable.enter(
                  r, IN_SLOT, now, "imported into " + r.location().describe(), null);
      case IN_SLOT -> TransitionTable.enter(r, LABELING, now, "label the new tape", null);
      case LABELING -> {
        TapeState target = r.volume() == null ? null : VolumeRules.volumeState(r.volume());
        yield TransitionTable.enter(
            r,
            target == null || target == FAILED ? SCRATCH : target,
            now,
            "labelled in Bacula" + (r.volume() == null ? "" : " (" + r.volume().volStatus() + ")"),
            null);
      }
      case SCRATCH, IN_USE, FULL ->
          VolumeRules.followVolume(VolumeRules.withVolumeLocation(r, layout), now);
      case EJECTING -> {
        if (!r.readOnly()) {
          yield TransitionTable.enter(
                  r, IN_TRANSIT, now, "exported to " + r.location().describe(), null)
              .toBuilder()
              .location(Location.transit())
              .build();
        }
        yield gFresh && g.is(GatewayStatuses.ARCHIVED) ? shelved(r, now, g) : r;
      }
      case IN_TRANSIT -> gFresh && g.is(GatewayStatuses.ARCHIVED) ? shelved(r, now, g) : r;
      case ARCHIVED -> retrievedOutside(r, now, defaultHold, gFreshSinceState);
      case RETRIEVING ->
          gFresh && g.is(GatewayStatuses.RETRIEVED)
              ? TransitionTable.enter(
                      r, RETRIEVED_IN_IE, now, "the shelf returned a read-only copy", null)
                  .toBuilder()
                  .location(Location.ieSlot(-1))
                  .build()
              : r;
      case ONLINE_READ_ONLY -> {
        Instant end = StepPlan.holdsEnd(r);
        yield end != null && !end.isAfter(now)
            ? TransitionTable.returnToShelf(
                VolumeRules.withVolumeLocation(r, layout),
                now,
                "every hold on the copy has ended",
                null)
            : VolumeRules.withVolumeLocation(r, layout);
      }
      case EXPIRING ->
          TransitionTable.enter(r, DELETED, now, "deleted", null).toBuilder()
              .location(Location.none())
              .build();
      default -> r;
    };
  }

  private static TapeRecord retrievedOutside(
      TapeRecord r, Instant now, Duration defaultHold, boolean fresh) {
    GatewayStatus g = r.gateway();
    if (!fresh) {
      return r;
    }
    Hold hold = new Hold("outside-tapeflow", defaultHold, null, null, false);
    if (g.is(GatewayStatuses.RETRIEVING)) {
      TapeRecord.Builder b =
          TransitionTable.enter(r, RETRIEVING, now, "retrieval started outside tapeflow", null)
              .toBuilder();
      b.done.add(Step.RETRIEVE);
      b.gate = g.observedAt();
      b.holds.add(hold);
      b.location = Location.transit();
      return b.build();
    }
    if (g.is(GatewayStatuses.RETRIEVED)) {
      TapeRecord.Builder b =
          TransitionTable.enter(r, RETRIEVED_IN_IE, now, "retrieved outside tapeflow", null)
              .toBuilder();
      b.readOnly = true;
      b.holds.add(hold);
      b.location = Location.ieSlot(-1);
      return b.build();
    }
    return r;
  }

  private static TapeRecord shelved(TapeRecord r, Instant now, GatewayStatus g) {
    TapeRecord.Builder b =
        TransitionTable.enter(r, ARCHIVED, now, "the shelf reports the tape ARCHIVED", null)
            .toBuilder();
    b.location = Location.shelf();
    if (b.archivedAt == null) {
      b.archivedAt = g.archivedAt() != null ? g.archivedAt() : g.observedAt();
    }
    b.readOnly = false;
    b.holds.clear();
    return b.build();
  }

  private static TapeRecord startHolds(TapeRecord r, Instant now) {
    TapeRecord.Builder b = r.toBuilder();
    b.holds.replaceAll(h -> h.startedAt(now));
    return b.build();
  }

  private static String irrecoverable() {
    return "the gateway reports the tape IRRECOVERABLE (its cache lost unsent data): recover it"
        + " from a recovery point or delete it, then resume with the state it is in";
  }

  private static String deletedOutside(GatewayStatus g) {
    return "the gateway reports the tape "
        + g.status()
        + " although tapeflow did not delete it: check CloudTrail for who did, then resume with"
        + " state DELETED";
  }
}
