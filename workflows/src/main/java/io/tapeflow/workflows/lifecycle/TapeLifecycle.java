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

import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tape lifecycle as pure functions over {@link TapeRecord}: which transitions exist, which step
 * a state needs next, how step outcomes and outside facts move a tape on. Facts (gateway statuses,
 * Bacula volume statuses) are kept as the newest observation and applied level-wise by {@link
 * #advance}, so duplicates and late, out-of-order observations change nothing.
 *
 * <p>Operator requests are answered by {@link TapeRequests}.
 */
public final class TapeLifecycle {
  private TapeLifecycle() {}

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

  // ---------------------------------------------------------------- steps and waits

  /** The step the tape needs next in its state, or null if it waits for something. */
  public static Step nextStep(TapeRecord r) {
    return switch (r.state()) {
      case REQUESTED -> Step.CREATE;
      case IMPORTING -> {
        if (!r.did(Step.IMPORT)) {
          yield Step.IMPORT;
        }
        yield r.readOnly() && !r.did(Step.MARK_READ_ONLY) ? Step.MARK_READ_ONLY : null;
      }
      case LABELING -> r.did(Step.LABEL) ? null : Step.LABEL;
      case EJECTING -> {
        if (r.driveHeld() && !r.did(Step.FREE_DRIVE)) {
          yield Step.FREE_DRIVE;
        }
        if (!r.did(Step.EXPORT)) {
          yield Step.EXPORT;
        }
        yield r.readOnly() && !r.did(Step.SYNC_BACULA) ? Step.SYNC_BACULA : null;
      }
      case IN_TRANSIT -> r.did(Step.SYNC_BACULA) ? null : Step.SYNC_BACULA;
      case ARCHIVED -> r.manifestWritten() ? null : Step.RECORD_MANIFEST;
      case RETRIEVING -> r.did(Step.RETRIEVE) ? null : Step.RETRIEVE;
      // The purged volume's record goes first: the tape's deletion is then the last thing done.
      case EXPIRING -> {
        if (!r.did(Step.REMOVE_FROM_CATALOG)) {
          yield Step.REMOVE_FROM_CATALOG;
        }
        yield r.did(Step.DELETE) ? null : Step.DELETE;
      }
      default -> null;
    };
  }

  /** What a tape with no step to perform waits for. */
  public static Wait waitingFor(TapeRecord r) {
    if (nextStep(r) != null) {
      return Wait.NOTHING;
    }
    return switch (r.state()) {
      case CREATING -> Wait.GATEWAY_CREATED;
      case IN_TRANSIT -> Wait.GATEWAY_ARCHIVED;
      case EJECTING -> r.readOnly() ? Wait.GATEWAY_ARCHIVED : Wait.NOTHING;
      case RETRIEVING -> Wait.GATEWAY_RETRIEVED;
      case SCRATCH, IN_USE -> Wait.BACULA;
      case ONLINE_READ_ONLY -> r.holds().isEmpty() ? Wait.REQUEST : Wait.HOLD;
      case FULL, ARCHIVED -> Wait.REQUEST;
      case FAILED, ADOPTED -> Wait.OPERATOR;
      case DELETED -> Wait.END;
      default -> Wait.NOTHING;
    };
  }

  /** When the holds on a retrieved copy end, or null if none is running. */
  public static Instant holdsEnd(TapeRecord r) {
    Instant end = null;
    for (Hold h : r.holds()) {
      if (h.until() == null) {
        return null;
      }
      if (end == null || h.until().isAfter(end)) {
        end = h.until();
      }
    }
    return end;
  }

  // ---------------------------------------------------------------- facts

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
        return fail(r, now, new Failure(null, Failures.TAPE_IRRECOVERABLE, irrecoverable()));
      }
      if ((g.is(GatewayStatuses.DELETED) || g.is(GatewayStatuses.DELETING)) && s != ADOPTED) {
        return fail(r, now, new Failure(null, Failures.DELETED_OUTSIDE, deletedOutside(g)));
      }
    }
    if (s == ADOPTED) {
      return TapeAdoption.place(r, now, defaultHold);
    }
    if (nextStep(r) != null) {
      return withVolumeLocation(r, layout);
    }
    boolean gFresh = g != null && !g.observedAt().isBefore(r.gate());
    return switch (s) {
      case CREATING ->
          gFresh && g.is(GatewayStatuses.AVAILABLE)
              ? enter(r, IN_IE_SLOT, now, "the gateway reports the tape AVAILABLE", null)
                  .toBuilder()
                  .location(Location.ieSlot(-1))
                  .build()
              : r;
      case IN_IE_SLOT, RETRIEVED_IN_IE ->
          enter(r, IMPORTING, now, "import from the I/E slot", null);
      case IMPORTING ->
          r.readOnly()
              ? startHolds(
                  enter(r, ONLINE_READ_ONLY, now, "the retrieved copy is online, Read-Only", null),
                  now)
              : enter(r, IN_SLOT, now, "imported into " + r.location().describe(), null);
      case IN_SLOT -> enter(r, LABELING, now, "label the new tape", null);
      case LABELING -> {
        TapeState target = r.volume() == null ? null : volumeState(r.volume());
        yield enter(
            r,
            target == null || target == FAILED ? SCRATCH : target,
            now,
            "labelled in Bacula" + (r.volume() == null ? "" : " (" + r.volume().volStatus() + ")"),
            null);
      }
      case SCRATCH, IN_USE, FULL -> followVolume(withVolumeLocation(r, layout), now);
      case EJECTING -> {
        if (!r.readOnly()) {
          yield enter(r, IN_TRANSIT, now, "exported to " + r.location().describe(), null)
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
              ? enter(r, RETRIEVED_IN_IE, now, "the shelf returned a read-only copy", null)
                  .toBuilder()
                  .location(Location.ieSlot(-1))
                  .build()
              : r;
      case ONLINE_READ_ONLY -> {
        Instant end = holdsEnd(r);
        yield end != null && !end.isAfter(now)
            ? returnToShelf(
                withVolumeLocation(r, layout), now, "every hold on the copy has ended", null)
            : withVolumeLocation(r, layout);
      }
      case EXPIRING ->
          enter(r, DELETED, now, "deleted", null).toBuilder().location(Location.none()).build();
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
          enter(r, RETRIEVING, now, "retrieval started outside tapeflow", null).toBuilder();
      b.done.add(Step.RETRIEVE);
      b.gate = g.observedAt();
      b.holds.add(hold);
      b.location = Location.transit();
      return b.build();
    }
    if (g.is(GatewayStatuses.RETRIEVED)) {
      TapeRecord.Builder b =
          enter(r, RETRIEVED_IN_IE, now, "retrieved outside tapeflow", null).toBuilder();
      b.readOnly = true;
      b.holds.add(hold);
      b.location = Location.ieSlot(-1);
      return b.build();
    }
    return r;
  }

  private static TapeRecord shelved(TapeRecord r, Instant now, GatewayStatus g) {
    TapeRecord.Builder b =
        enter(r, ARCHIVED, now, "the shelf reports the tape ARCHIVED", null).toBuilder();
    b.location = Location.shelf();
    if (b.archivedAt == null) {
      b.archivedAt = g.archivedAt() != null ? g.archivedAt() : g.observedAt();
    }
    b.readOnly = false;
    b.holds.clear();
    return b.build();
  }

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

  private static TapeRecord followVolume(TapeRecord r, Instant now) {
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
      return fail(
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
    return enter(r, target, now, why, null);
  }

  /** Takes the tape's position from the newest Bacula fact, if it is newer than the state. */
  private static TapeRecord withVolumeLocation(TapeRecord r, LibraryLayout layout) {
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
  private static Location baculaPlace(VolumeStatus v, LibraryLayout layout, boolean askInChanger) {
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

  private static TapeRecord startHolds(TapeRecord r, Instant now) {
    TapeRecord.Builder b = r.toBuilder();
    b.holds.replaceAll(h -> h.startedAt(now));
    return b.build();
  }

  // ---------------------------------------------------------------- step outcomes

  /** The gateway accepted the creation; facts observed from {@code startedAt} on count. */
  public static TapeRecord created(TapeRecord r, Instant startedAt, Instant now) {
    require(r, REQUESTED, Step.CREATE);
    TapeRecord.Builder b =
        enter(r, CREATING, now, "the gateway is creating the tape", null).toBuilder();
    b.gate = startedAt;
    b.location = Location.gateway();
    return b.build();
  }

  /** The robot put the tape into a storage slot. */
  public static TapeRecord imported(TapeRecord r, Location slot) {
    require(r, IMPORTING, Step.IMPORT);
    return did(r, Step.IMPORT).toBuilder().location(slot).build();
  }

  /**
   * Bacula marked the retrieved copy Read-Only.
   *
   * @param previousVolStatus the status before, restored when the copy goes back
   */
  public static TapeRecord markedReadOnly(TapeRecord r, String previousVolStatus, Instant now) {
    require(r, IMPORTING, Step.MARK_READ_ONLY);
    TapeRecord.Builder b = did(r, Step.MARK_READ_ONLY).toBuilder();
    if (previousVolStatus != null && !VolStatuses.READ_ONLY.equalsIgnoreCase(previousVolStatus)) {
      b.volStatusBeforeRetrieve = VolStatuses.canonical(previousVolStatus);
    }
    return b.build();
  }

  /**
   * Bacula labelled the volume.
   *
   * @param startedAt when labelling began: Bacula facts from then on count
   * @param volume the volume as Bacula reports it after labelling
   */
  public static TapeRecord labeled(TapeRecord r, Instant startedAt, VolumeStatus volume) {
    return labeled(r, startedAt, volume, null);
  }

  /**
   * Bacula labelled the volume; its slot and drive numbers are placed with {@code layout} (see
   * {@link #advance(TapeRecord, Instant, Duration, LibraryLayout)}).
   */
  public static TapeRecord labeled(
      TapeRecord r, Instant startedAt, VolumeStatus volume, LibraryLayout layout) {
    require(r, LABELING, Step.LABEL);
    TapeRecord.Builder b = did(r, Step.LABEL).toBuilder();
    b.labeledAt = startedAt;
    if (b.volume == null || !volume.observedAt().isBefore(b.volume.observedAt())) {
      b.volume = volume;
    }
    Location at = baculaPlace(volume, layout, false);
    if (at != null) {
      b.location = at;
    }
    return b.build();
  }

  /** Bacula released the drive; the tape is at {@code slot} (the drive itself, or a slot). */
  public static TapeRecord driveFreed(TapeRecord r, Location slot) {
    require(r, EJECTING, Step.FREE_DRIVE);
    return did(r, Step.FREE_DRIVE).toBuilder()
        .location(slot == null ? Location.slot(-1) : slot)
        .build();
  }

  /**
   * The export found the tape held in {@code drive} (Bacula has the drive open). The next step is
   * {@link Step#FREE_DRIVE}; if the drive was already freed once, the tape fails.
   */
  public static TapeRecord foundInDrive(TapeRecord r, Location drive, String message, Instant now) {
    require(r, EJECTING, Step.EXPORT);
    if (r.did(Step.FREE_DRIVE)) {
      return fail(
          r,
          now,
          new Failure(
              Step.EXPORT,
              Failures.TAPE_IN_DRIVE,
              message
                  + " (still, after Bacula released the drive: unload it by hand, then resume)"));
    }
    TapeRecord.Builder b = r.toBuilder();
    b.location = drive;
    b.driveHeld = true;
    return b.build();
  }

  /** The robot put the tape into an I/E slot; gateway facts from {@code startedAt} on count. */
  public static TapeRecord exported(TapeRecord r, Location ieSlot, Instant startedAt) {
    require(r, EJECTING, Step.EXPORT);
    TapeRecord.Builder b = did(r, Step.EXPORT).toBuilder();
    b.location = ieSlot;
    b.gate = startedAt;
    return b.build();
  }

  /**
   * Bacula's catalog now knows the tape left the library (and the manifest of a written tape is
   * recorded).
   *
   * @param lastWrittenAt the end of the newest job on the tape, or null if unknown
   */
  public static TapeRecord baculaSynced(TapeRecord r, Instant lastWrittenAt) {
    if (r.state() != IN_TRANSIT && r.state() != EJECTING) {
      throw illegalStep(r, Step.SYNC_BACULA);
    }
    TapeRecord.Builder b = did(r, Step.SYNC_BACULA).toBuilder();
    if (lastWrittenAt != null) {
      b.lastWrittenAt = lastWrittenAt;
    }
    return b.build();
  }

  /**
   * The manifest is complete: it has the archive date.
   *
   * @param archivedAt when the shelf completed archiving, or null to keep what is known
   * @param storageClass the shelf's storage class, or null if unknown
   */
  public static TapeRecord manifestWritten(
      TapeRecord r, Instant archivedAt, StorageClass storageClass) {
    require(r, ARCHIVED, Step.RECORD_MANIFEST);
    TapeRecord.Builder b = did(r, Step.RECORD_MANIFEST).toBuilder();
    b.manifestWritten = true;
    if (archivedAt != null) {
      b.archivedAt = archivedAt;
    }
    if (storageClass != null) {
      b.storageClass = storageClass;
    }
    return b.build();
  }

  /** The shelf accepted the retrieval; gateway facts from {@code startedAt} on count. */
  public static TapeRecord retrieveStarted(TapeRecord r, Instant startedAt) {
    require(r, RETRIEVING, Step.RETRIEVE);
    TapeRecord.Builder b = did(r, Step.RETRIEVE).toBuilder();
    b.gate = startedAt;
    return b.build();
  }

  /** The gateway deleted the tape. */
  public static TapeRecord deleted(TapeRecord r) {
    require(r, EXPIRING, Step.DELETE);
    return did(r, Step.DELETE);
  }

  /** Bacula's catalog no longer has the purged volume (or the policy keeps it). */
  public static TapeRecord catalogCleaned(TapeRecord r) {
    require(r, EXPIRING, Step.REMOVE_FROM_CATALOG);
    return did(r, Step.REMOVE_FROM_CATALOG);
  }

  /**
   * Bacula's catalog kept the volume of a tape being deleted: the deletion goes on (the volume is
   * purged: its record holds nothing), the record keeps why, for the operator.
   */
  public static TapeRecord catalogLeft(TapeRecord r, Failure why) {
    require(r, EXPIRING, Step.REMOVE_FROM_CATALOG);
    TapeRecord.Builder b = did(r, Step.REMOVE_FROM_CATALOG).toBuilder();
    b.failure = why;
    return b.build();
  }

  /** A step failed in a way a retry cannot fix: the tape is FAILED until an operator resumes it. */
  public static TapeRecord failed(TapeRecord r, Failure failure, Instant now) {
    return fail(r, now, failure);
  }

  /** Marks the hold requested by {@code requestId} as notified. */
  public static TapeRecord holdNotified(TapeRecord r, String requestId) {
    TapeRecord.Builder b = r.toBuilder();
    b.holds.replaceAll(h -> h.requestId().equals(requestId) ? h.markNotified() : h);
    return b.build();
  }

  // ---------------------------------------------------------------- transitions

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

  private static TapeRecord did(TapeRecord r, Step step) {
    if (r.did(step)) {
      return r;
    }
    List<Step> done = new ArrayList<>(r.done());
    done.add(step);
    TapeRecord.Builder b = r.toBuilder();
    b.done = done;
    return b.build();
  }

  private static void require(TapeRecord r, TapeState state, Step step) {
    if (r.state() != state) {
      throw illegalStep(r, step);
    }
  }

  private static IllegalTransitionException illegalStep(TapeRecord r, Step step) {
    return new IllegalTransitionException(
        "step " + step + " does not belong to state " + r.state());
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
