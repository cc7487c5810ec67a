package io.tapeflow.workflows.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The tape lifecycle as pure functions over {@link TapeRecord}, in one place for the workflow: the
 * transitions ({@link TransitionTable}), the step a state needs next ({@link StepPlan}), how
 * outside facts move a tape on ({@link FactRules}) and what a performed step changes ({@link
 * StepOutcomes}). Operator requests are answered by {@link TapeRequests}.
 */
public final class TapeLifecycle {
  private TapeLifecycle() {}

  /**
   * Whether the lifecycle has a transition {@code from → to}. Every live state may fail; FAILED
   * resumes to any live state; ADOPTED is placed in any state but REQUESTED.
   */
  public static boolean allowed(TapeState from, TapeState to) {
    return TransitionTable.allowed(from, to);
  }

  /** The states a tape may move to from {@code from}. */
  public static Set<TapeState> successors(TapeState from) {
    return TransitionTable.successors(from);
  }

  /** The step the tape needs next in its state, or null if it waits for something. */
  public static Step nextStep(TapeRecord r) {
    return StepPlan.nextStep(r);
  }

  /** What a tape with no step to perform waits for. */
  public static Wait waitingFor(TapeRecord r) {
    return StepPlan.waitingFor(r);
  }

  /** When the holds on a retrieved copy end, or null if none is running. */
  public static Instant holdsEnd(TapeRecord r) {
    return StepPlan.holdsEnd(r);
  }

  /** Keeps a gateway observation if it is newer than the one known. */
  public static TapeRecord recordGateway(TapeRecord r, GatewayStatus s) {
    return FactRules.recordGateway(r, s);
  }

  /** Keeps a Bacula observation if it is newer than the one known. */
  public static TapeRecord recordVolume(TapeRecord r, VolumeStatus v) {
    return FactRules.recordVolume(r, v);
  }

  /**
   * Applies every automatic and fact-driven transition that holds now, until none does.
   *
   * @param defaultHold how long to keep a retrieved copy online when nobody asked for it (a copy
   *     retrieved outside tapeflow)
   */
  public static TapeRecord advance(TapeRecord r, Instant now, Duration defaultHold) {
    return FactRules.advance(r, now, defaultHold);
  }

  /**
   * {@link #advance(TapeRecord, Instant, Duration)} placing Bacula's slot and drive numbers with
   * the library's layout (null: a run started before tapeflow read layouts keeps Bacula's numbers).
   */
  public static TapeRecord advance(
      TapeRecord r, Instant now, Duration defaultHold, LibraryLayout layout) {
    return FactRules.advance(r, now, defaultHold, layout);
  }

  /** The gateway accepted the creation; facts observed from {@code startedAt} on count. */
  public static TapeRecord created(TapeRecord r, Instant startedAt, Instant now) {
    return StepOutcomes.created(r, startedAt, now);
  }

  /** The robot put the tape into a storage slot. */
  public static TapeRecord imported(TapeRecord r, Location slot) {
    return StepOutcomes.imported(r, slot);
  }

  /**
   * Bacula marked the retrieved copy Read-Only.
   *
   * @param previousVolStatus the status before, restored when the copy goes back
   */
  public static TapeRecord markedReadOnly(TapeRecord r, String previousVolStatus, Instant now) {
    return StepOutcomes.markedReadOnly(r, previousVolStatus, now);
  }

  /**
   * Bacula labelled the volume.
   *
   * @param startedAt when labelling began: Bacula facts from then on count
   * @param volume the volume as Bacula reports it after labelling
   */
  public static TapeRecord labeled(TapeRecord r, Instant startedAt, VolumeStatus volume) {
    return StepOutcomes.labeled(r, startedAt, volume);
  }

  /**
   * Bacula labelled the volume; its slot and drive numbers are placed with {@code layout} (see
   * {@link #advance(TapeRecord, Instant, Duration, LibraryLayout)}).
   */
  public static TapeRecord labeled(
      TapeRecord r, Instant startedAt, VolumeStatus volume, LibraryLayout layout) {
    return StepOutcomes.labeled(r, startedAt, volume, layout);
  }

  /** Bacula released the drive; the tape is at {@code slot} (the drive itself, or a slot). */
  public static TapeRecord driveFreed(TapeRecord r, Location slot) {
    return StepOutcomes.driveFreed(r, slot);
  }

  /**
   * The export found the tape held in {@code drive} (Bacula has the drive open). The next step is
   * {@link Step#FREE_DRIVE}; if the drive was already freed once, the tape fails.
   */
  public static TapeRecord foundInDrive(TapeRecord r, Location drive, String message, Instant now) {
    return StepOutcomes.foundInDrive(r, drive, message, now);
  }

  /** The robot put the tape into an I/E slot; gateway facts from {@code startedAt} on count. */
  public static TapeRecord exported(TapeRecord r, Location ieSlot, Instant startedAt) {
    return StepOutcomes.exported(r, ieSlot, startedAt);
  }

  /**
   * Bacula's catalog now knows the tape left the library (and the manifest of a written tape is
   * recorded).
   *
   * @param lastWrittenAt the end of the newest job on the tape, or null if unknown
   */
  public static TapeRecord baculaSynced(TapeRecord r, Instant lastWrittenAt) {
    return StepOutcomes.baculaSynced(r, lastWrittenAt);
  }

  /**
   * The manifest is complete: it has the archive date.
   *
   * @param archivedAt when the shelf completed archiving, or null to keep what is known
   * @param storageClass the shelf's storage class, or null if unknown
   */
  public static TapeRecord manifestWritten(
      TapeRecord r, Instant archivedAt, StorageClass storageClass) {
    return StepOutcomes.manifestWritten(r, archivedAt, storageClass);
  }

  /** The shelf accepted the retrieval; gateway facts from {@code startedAt} on count. */
  public static TapeRecord retrieveStarted(TapeRecord r, Instant startedAt) {
    return StepOutcomes.retrieveStarted(r, startedAt);
  }

  /** The gateway deleted the tape. */
  public static TapeRecord deleted(TapeRecord r) {
    return StepOutcomes.deleted(r);
  }

  /** Bacula's catalog no longer has the purged volume (or the policy keeps it). */
  public static TapeRecord catalogCleaned(TapeRecord r) {
    return StepOutcomes.catalogCleaned(r);
  }

  /**
   * Bacula's catalog kept the volume of a tape being deleted: the deletion goes on (the volume is
   * purged: its record holds nothing), the record keeps why, for the operator.
   */
  public static TapeRecord catalogLeft(TapeRecord r, Failure why) {
    return StepOutcomes.catalogLeft(r, why);
  }

  /** A step failed in a way a retry cannot fix: the tape is FAILED until an operator resumes it. */
  public static TapeRecord failed(TapeRecord r, Failure failure, Instant now) {
    return StepOutcomes.failed(r, failure, now);
  }

  /** Marks the hold requested by {@code requestId} as notified. */
  public static TapeRecord holdNotified(TapeRecord r, String requestId) {
    return StepOutcomes.holdNotified(r, requestId);
  }
}
