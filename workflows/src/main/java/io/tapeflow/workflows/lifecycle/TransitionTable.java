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
import static io.tapeflow.workflows.lifecycle.TapeState.REQUESTED;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVED_IN_IE;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVING;
import static io.tapeflow.workflows.lifecycle.TapeState.SCRATCH;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle's transition table, and the one way to move a tape: {@link #enter} checks the
 * transition, records why and keeps the recent transitions.
 */
final class TransitionTable {
  private TransitionTable() {}

  private static final Map<TapeState, Set<TapeState>> NEXT = new EnumMap<>(TapeState.class);

  static {
    NEXT.put(REQUESTED, EnumSet.of(CREATING));
    NEXT.put(CREATING, EnumSet.of(IN_IE_SLOT));
    NEXT.put(IN_IE_SLOT, EnumSet.of(IMPORTING));
    NEXT.put(IMPORTING, EnumSet.of(IN_SLOT, ONLINE_READ_ONLY));
    NEXT.put(IN_SLOT, EnumSet.of(LABELING));
    NEXT.put(LABELING, EnumSet.of(SCRATCH, IN_USE, FULL));
    NEXT.put(SCRATCH, EnumSet.of(IN_USE, FULL));
    NEXT.put(IN_USE, EnumSet.of(SCRATCH, FULL));
    // A Full tape Bacula recycles in the library becomes appendable again.
    NEXT.put(FULL, EnumSet.of(EJECTING, SCRATCH, IN_USE));
    // A retrieved copy goes straight back to ARCHIVED; a written tape passes IN_TRANSIT.
    NEXT.put(EJECTING, EnumSet.of(IN_TRANSIT, ARCHIVED));
    NEXT.put(IN_TRANSIT, EnumSet.of(ARCHIVED));
    // RETRIEVED_IN_IE directly when someone retrieved the tape outside tapeflow.
    NEXT.put(ARCHIVED, EnumSet.of(RETRIEVING, RETRIEVED_IN_IE, EXPIRING));
    NEXT.put(RETRIEVING, EnumSet.of(RETRIEVED_IN_IE));
    NEXT.put(RETRIEVED_IN_IE, EnumSet.of(IMPORTING));
    NEXT.put(ONLINE_READ_ONLY, EnumSet.of(EJECTING));
    NEXT.put(EXPIRING, EnumSet.of(DELETED));
    NEXT.put(DELETED, EnumSet.noneOf(TapeState.class));
    Set<TapeState> anyLive = EnumSet.allOf(TapeState.class);
    anyLive.removeAll(EnumSet.of(FAILED, ADOPTED));
    NEXT.put(FAILED, anyLive);
    Set<TapeState> placed = EnumSet.copyOf(anyLive);
    placed.add(FAILED);
    placed.remove(REQUESTED);
    NEXT.put(ADOPTED, placed);
  }

  /**
   * Whether the lifecycle has a transition {@code from → to}. Every live state may fail; FAILED
   * resumes to any live state; ADOPTED is placed in any state but REQUESTED.
   */
  public static boolean allowed(TapeState from, TapeState to) {
    if (from == to || from.terminal()) {
      return false;
    }
    if (to == FAILED) {
      return true;
    }
    return NEXT.get(from).contains(to);
  }

  /** The states a tape may move to from {@code from}. */
  public static Set<TapeState> successors(TapeState from) {
    Set<TapeState> s = EnumSet.noneOf(TapeState.class);
    for (TapeState to : TapeState.values()) {
      if (allowed(from, to)) {
        s.add(to);
      }
    }
    return s;
  }

  /**
   * Moves the tape to {@code to}, recording why.
   *
   * @throws IllegalTransitionException if the lifecycle has no such transition
   */
  static TapeRecord enter(
      TapeRecord r, TapeState to, Instant now, String reason, String requestId) {
    if (!allowed(r.state(), to)) {
      throw new IllegalTransitionException(
          "no transition " + r.state() + " → " + to + " (" + reason + ")");
    }
    TapeRecord.Builder b = r.toBuilder();
    // A FAILED tape keeps the steps it had done, so that resuming it does not redo them.
    boolean keepSteps = to == FAILED || (r.state() == FAILED && to == r.failedIn());
    if (!keepSteps) {
      b.done.clear();
      b.driveHeld = false;
    }
    if (to == FAILED) {
      b.failedIn = r.state();
    } else if (r.state() == FAILED) {
      b.failedIn = null;
      b.failure = null;
    }
    b.state = to;
    b.since = now;
    b.seq = r.seq() + 1;
    b.recent.add(new Transition(b.seq, r.state(), to, now, reason, requestId));
    while (b.recent.size() > TapeRecord.RECENT) {
      b.recent.remove(0);
    }
    return b.build();
  }

  static TapeRecord fail(TapeRecord r, Instant now, Failure failure) {
    TapeRecord.Builder b = enter(r, FAILED, now, failure.describe(), null).toBuilder();
    b.failure = failure;
    return b.build();
  }

  static TapeRecord returnToShelf(TapeRecord r, Instant now, String reason, String requestId) {
    TapeRecord.Builder b = enter(r, EJECTING, now, reason, requestId).toBuilder();
    b.holds.clear();
    return b.build();
  }
}
