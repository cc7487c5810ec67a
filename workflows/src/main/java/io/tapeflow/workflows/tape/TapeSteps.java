package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.bacula.AfterExportRequest;
import io.tapeflow.workflows.bacula.BaculaActivities;
import io.tapeflow.workflows.bacula.DriveRequest;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.bacula.LabelRequest;
import io.tapeflow.workflows.bacula.SetVolumeStatusRequest;
import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.DeleteTapeRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeActionRequest;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.ShelfPool;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.tapeflow.workflows.manifest.ManifestCompletion;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Performs the lifecycle's steps with activities, inside the tape workflow. A step returns the
 * change to apply to the tape's record <em>after</em> it ran, so that facts and requests that
 * arrived meanwhile are kept. A failure no retry can fix becomes the FAILED state with the
 * failure's type and message.
 */
final class TapeSteps {
  private final TapeIdentity tape;
  private final TapePolicy policy;
  private final ChangerActivities changer;
  private final BaculaActivities bacula;
  private final GatewayActivities gateway;
  private final ManifestActivities manifest;

  TapeSteps(TapeIdentity tape, TapePolicy policy) {
    this.tape = tape;
    this.policy = policy;
    this.changer =
        Workflow.newActivityStub(
            ChangerActivities.class, ActivityProfiles.changer(tape.library(), policy.hostPickup()));
    ActivityOptions baculaJob = ActivityProfiles.baculaJob(tape.director(), policy.hostPickup());
    this.bacula =
        Workflow.newActivityStub(
            BaculaActivities.class,
            ActivityProfiles.bacula(tape.director(), policy.hostPickup()),
            Map.of("BaculaAwaitJob", baculaJob));
    // One-shot gateway calls and S3 writes are short: local activities (see ActivityProfiles).
    this.gateway = Workflow.newLocalActivityStub(GatewayActivities.class, ActivityProfiles.local());
    this.manifest =
        Workflow.newLocalActivityStub(ManifestActivities.class, ActivityProfiles.local());
  }

  ManifestActivities manifest() {
    return manifest;
  }

  GatewayActivities gateway() {
    return gateway;
  }

  BaculaActivities bacula() {
    return bacula;
  }

  /** Runs a step; returns the change to make to the record. */
  UnaryOperator<TapeRecord> perform(Step step, TapeRecord r) {
    Instant started = now();
    String rid = requestId(r, step);
    try {
      return switch (step) {
        case CREATE -> create(started, rid);
        case IMPORT -> {
          Location slot =
              changer.importToSlot(
                  new MoveRequest(tape.library(), tape.barcode(), r.location(), rid));
          yield cur -> TapeLifecycle.imported(cur, slot);
        }
        case MARK_READ_ONLY -> {
          VolumeInfo v =
              bacula.setVolumeStatus(
                  new SetVolumeStatusRequest(
                      tape.director(),
                      tape.storage(),
                      tape.barcode(),
                      VolStatuses.READ_ONLY,
                      true,
                      tape.labelDrive(),
                      rid));
          Instant at = now();
          yield cur ->
              TapeLifecycle.recordVolume(
                  TapeLifecycle.markedReadOnly(cur, v.previousVolStatus(), at), v.asStatus(at));
        }
        case LABEL -> {
          int slot = LibraryLayout.slotOf(tape.layout(), r.location());
          VolumeInfo v =
              bacula.label(
                  new LabelRequest(
                      tape.director(),
                      tape.storage(),
                      tape.baculaPool(),
                      tape.barcode(),
                      slot,
                      tape.labelDrive(),
                      rid));
          Instant at = now();
          yield cur -> TapeLifecycle.labeled(cur, started, v.asStatus(at), tape.layout());
        }
        case FREE_DRIVE -> {
          int drive = LibraryLayout.driveOf(tape.layout(), r.location());
          Location freed =
              bacula.releaseDrive(new DriveRequest(tape.director(), tape.storage(), drive, rid));
          Location at = freed == null ? null : LibraryLayout.ofBacula(tape.layout(), freed);
          yield cur -> TapeLifecycle.driveFreed(cur, at);
        }
        case EXPORT -> export(r, started, rid);
        case SYNC_BACULA -> syncBacula(r, rid);
        case RECORD_MANIFEST -> completeManifest(r);
        case RETRIEVE -> {
          gateway.retrieveTape(new TapeActionRequest(tape.gatewayArn(), tape.barcode(), rid));
          yield cur -> TapeLifecycle.retrieveStarted(cur, started);
        }
        case DELETE -> {
          gateway.deleteTape(
              new DeleteTapeRequest(
                  tape.gatewayArn(), tape.barcode(), policy.bypassGovernance(), rid));
          yield TapeLifecycle::deleted;
        }
        case REMOVE_FROM_CATALOG -> removeFromCatalog(rid);
      };
    } catch (ActivityFailure f) {
      Failure failure = failureOf(step, f);
      Instant at = now();
      return cur -> TapeLifecycle.failed(cur, failure, at);
    }
  }

  /**
   * The tape is about to go; its purged volume's catalog record holds nothing. A failure to remove
   * it is noted on the record (and in the log) and does not stop the deletion.
   */
  private UnaryOperator<TapeRecord> removeFromCatalog(String rid) {
    if (!policy.removeFromCatalog()) {
      return TapeLifecycle::catalogCleaned;
    }
    try {
      bacula.deleteVolume(new VolumeRequest(tape.director(), tape.barcode(), rid));
      return TapeLifecycle::catalogCleaned;
    } catch (ActivityFailure f) {
      Failure cause = failureOf(Step.REMOVE_FROM_CATALOG, f);
      Failure left =
          new Failure(
              Step.REMOVE_FROM_CATALOG,
              cause.type(),
              cause.message()
                  + "; the tape is deleted all the same: remove its volume by hand (bconsole: delete volume="
                  + tape.barcode()
                  + " yes)");
      Workflow.getLogger(TapeSteps.class).warn("tape {}: {}", tape.barcode(), left.describe());
      return cur -> TapeLifecycle.catalogLeft(cur, left);
    }
  }

  private UnaryOperator<TapeRecord> create(Instant started, String rid) {
    TapeInfo info =
        gateway.createTape(
            new CreateTapeRequest(
                tape.gatewayArn(), tape.barcode(), tape.sizeBytes(), tape.awsPool(), rid));
    Instant at = now();
    // The answer to our own call is fresh by construction: date it now, on the workflow's clock.
    GatewayStatus status =
        new GatewayStatus(
            tape.barcode().value(), info.status(), at, info.gatewayArn(), info.poolId(), null);
    return cur -> TapeLifecycle.recordGateway(TapeLifecycle.created(cur, started, at), status);
  }

  private UnaryOperator<TapeRecord> export(TapeRecord r, Instant started, String rid) {
    try {
      Location ie =
          changer.exportToIe(new MoveRequest(tape.library(), tape.barcode(), r.location(), rid));
      return cur -> TapeLifecycle.exported(cur, ie, started);
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure a
          && Failures.TAPE_IN_DRIVE.equals(a.getType())
          && a.getDetails().getSize() > 0) {
        Location drive =
            Objects.requireNonNullElse(
                LibraryLayout.ofDrive(tape.layout(), a.getDetails().get(0, Integer.class)),
                Location.drive(-1));
        String message = a.getOriginalMessage();
        Instant at = now();
        return cur -> TapeLifecycle.foundInDrive(cur, drive, message, at);
      }
      throw f;
    }
  }

  private UnaryOperator<TapeRecord> syncBacula(TapeRecord r, String rid) {
    String prior = r.volStatusBeforeRetrieve();
    // A retrieved copy leaving gets back the status it had before (Full, Used ...).
    String restore =
        r.readOnly() && prior != null && VolStatuses.SETTABLE.contains(prior) ? prior : null;
    List<JobOnVolume> jobs =
        bacula.afterExport(
            new AfterExportRequest(
                tape.director(), tape.storage(), tape.labelDrive(), tape.barcode(), restore, rid));
    Instant lastWritten = null;
    for (JobOnVolume j : jobs) {
      if (j.endTime() != null && (lastWritten == null || j.endTime().isAfter(lastWritten))) {
        lastWritten = j.endTime();
      }
    }
    if (!r.readOnly()) {
      manifest.writeManifest(
          TapeManifests.written(tape, policy, jobs, lastWritten, storageClass(null), now()));
    }
    Instant lw = lastWritten;
    return cur -> TapeLifecycle.baculaSynced(cur, lw);
  }

  private UnaryOperator<TapeRecord> completeManifest(TapeRecord r) {
    GatewayStatus g = r.gateway();
    Instant archivedAt =
        r.archivedAt() != null ? r.archivedAt() : g == null ? now() : g.archivedAt();
    StorageClass storageClass = r.storageClass() != null ? r.storageClass() : storageClass(null);
    if (storageClass == null) {
      // A custom pool: only the gateway knows its class (ListTapePools, behind DescribeTape).
      storageClass =
          storageClass(gateway.describeTape(new TapeRequest(tape.gatewayArn(), tape.barcode())));
    }
    // Still unknown: the longer minimum, so that nothing is deleted early.
    Duration minimum =
        (storageClass != null ? storageClass : StorageClass.DEEP_ARCHIVE).minimumStorage();
    StorageClass known = storageClass;
    manifest.completeManifest(
        new ManifestCompletion(
            tape.barcode(),
            tape.gatewayName(),
            tape.awsPool(),
            known,
            archivedAt,
            archivedAt == null ? null : archivedAt.plus(minimum),
            now()));
    return cur -> TapeLifecycle.manifestWritten(cur, archivedAt, known);
  }

  /**
   * The tape's storage class: from the gateway's answer if it says, else the standard pool's; null
   * for a custom pool the gateway has not described (its name says nothing).
   */
  StorageClass storageClass(TapeInfo info) {
    if (info != null && info.storageClass() != null) {
      return info.storageClass();
    }
    return ShelfPool.of(tape.awsPool()).standardClass().orElse(null);
  }

  /**
   * A request id that is the same on every replay and retry of a step, and new for a step redone
   * after a resume: barcode, transition number, step.
   */
  String requestId(TapeRecord r, Step step) {
    return tape.barcode() + "/" + r.seq() + "/" + step.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The failure of a step, with what to do. */
  Failure failureOf(Step step, ActivityFailure f) {
    return StepFailures.of(tape, step, f);
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
