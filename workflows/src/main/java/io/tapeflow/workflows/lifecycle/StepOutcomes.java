package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.ARCHIVED;
import static io.tapeflow.workflows.lifecycle.TapeState.CREATING;
import static io.tapeflow.workflows.lifecycle.TapeState.EJECTING;
import static io.tapeflow.workflows.lifecycle.TapeState.EXPIRING;
import static io.tapeflow.workflows.lifecycle.TapeState.IMPORTING;
import static io.tapeflow.workflows.lifecycle.TapeState.IN_TRANSIT;
import static io.tapeflow.workflows.lifecycle.TapeState.LABELING;
import static io.tapeflow.workflows.lifecycle.TapeState.REQUESTED;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVING;

import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a performed step changes in the tape's record; each checks the step fits the state. */
final class StepOutcomes {
  private StepOutcomes() {}

  /** The gateway accepted the creation; facts observed from {@code startedAt} on count. */
  public static TapeRecord created(TapeRecord r, Instant startedAt, Instant now) {
    require(r, REQUESTED, Step.CREATE);
    TapeRecord.Builder b =
        TransitionTable.enter(r, CREATING, now, "the gateway is creating the tape", null)
            .toBuilder();
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
   * {@link TapeLifecycle#advance(TapeRecord, Instant, Duration, LibraryLayout)}).
   */
  public static TapeRecord labeled(
      TapeRecord r, Instant startedAt, VolumeStatus volume, LibraryLayout layout) {
    require(r, LABELING, Step.LABEL);
    TapeRecord.Builder b = did(r, Step.LABEL).toBuilder();
    b.labeledAt = startedAt;
    if (b.volume == null || !volume.observedAt().isBefore(b.volume.observedAt())) {
      b.volume = volume;
    }
    Location at = VolumeRules.baculaPlace(volume, layout, false);
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
      return TransitionTable.fail(
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
    return TransitionTable.fail(r, now, failure);
  }

  /** Marks the hold requested by {@code requestId} as notified. */
  public static TapeRecord holdNotified(TapeRecord r, String requestId) {
    TapeRecord.Builder b = r.toBuilder();
    b.holds.replaceAll(h -> h.requestId().equals(requestId) ? h.markNotified() : h);
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
}
