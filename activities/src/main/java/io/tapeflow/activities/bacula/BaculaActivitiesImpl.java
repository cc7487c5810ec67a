package io.tapeflow.activities.bacula;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.RestoreRequirement;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.workflows.bacula.AfterExportRequest;
import io.tapeflow.workflows.bacula.BaculaActivities;
import io.tapeflow.workflows.bacula.DriveRequest;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.bacula.JobOutcome;
import io.tapeflow.workflows.bacula.JobRequest;
import io.tapeflow.workflows.bacula.LabelRequest;
import io.tapeflow.workflows.bacula.RestoreJobRequest;
import io.tapeflow.workflows.bacula.SetVolumeStatusRequest;
import io.tapeflow.workflows.bacula.SlotsRequest;
import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BaculaActivities} through bconsole. Each call reads the catalog before it changes anything
 * (a labelled volume is not relabelled, a status already set is not set again, a restore already
 * started for this request is not started twice), so retries are harmless.
 */
public final class BaculaActivitiesImpl implements BaculaActivities {
  private static final Logger LOG = LoggerFactory.getLogger(BaculaActivitiesImpl.class);

  private final Directors directors;
  private final CatalogViews views;

  /**
   * @param catalogZone the time zone of the director's catalog timestamps (Bacula writes local
   *     time)
   */
  public BaculaActivitiesImpl(Directors directors, ZoneId catalogZone) {
    this.directors = directors;
    this.views = new CatalogViews(catalogZone);
  }

  @Override
  public VolumeInfo label(LabelRequest r) {
    return call(
        r.director(),
        c -> {
          VolumeName v = VolumeName.of(r.volume().value());
          StorageName storage = StorageName.of(r.storage());
          Optional<VolumeRecord> known = c.volume(v);
          if (known.isPresent()) {
            LOG.info("volume {} is labelled already ({}): not relabelled", v, r.requestId());
            return views.info(known.get(), null, CatalogViews.driveHolding(c, storage, v.value()));
          }
          int slot =
              CatalogViews.baculaSlot(c.statusSlots(storage, r.drive()), v.value(), r.storage());
          c.labelVolume(storage, PoolName.of(r.pool()), v, slot, r.drive());
          LOG.info("labelled {} in slot {} on drive {} ({})", v, slot, r.drive(), r.requestId());
          return views.info(CatalogViews.require(c, v), null, r.drive());
        });
  }

  @Override
  public void updateSlots(SlotsRequest r) {
    call(r.director(), c -> c.syncSlots(StorageName.of(r.storage()), r.drive()));
  }

  @Override
  public List<JobOnVolume> afterExport(AfterExportRequest r) {
    return call(
        r.director(),
        c -> {
          VolumeName v = VolumeName.of(r.volume().value());
          c.syncSlots(StorageName.of(r.storage()), r.drive());
          if (r.restoreVolStatus() != null) {
            VolStatus wanted = VolStatus.fromBacula(r.restoreVolStatus());
            if (CatalogViews.require(c, v).status() != wanted) {
              c.updateVolume(v, VolumeUpdate.status(wanted));
            }
          }
          return views.jobs(c.jobsOnVolume(v));
        });
  }

  @Override
  public VolumeInfo volumeInfo(VolumeRequest r) {
    return call(
        r.director(),
        c -> views.info(CatalogViews.require(c, VolumeName.of(r.volume().value())), null, null));
  }

  @Override
  public VolumeInfo setVolumeStatus(SetVolumeStatusRequest r) {
    return call(
        r.director(),
        c -> {
          VolumeName v = VolumeName.of(r.volume().value());
          VolStatus wanted = VolStatus.fromBacula(r.volStatus());
          VolumeRecord before = CatalogViews.require(c, v);
          // A retry must report the status from before the first attempt's change.
          String previous = heartbeat(String.class).orElse(before.status().bacula());
          beat(previous);
          if (r.refreshSlots()) {
            c.syncSlots(StorageName.of(r.storage()), r.drive());
          }
          if (before.status() != wanted) {
            c.updateVolume(v, VolumeUpdate.status(wanted));
          }
          return views.info(CatalogViews.require(c, v), previous, null);
        });
  }

  @Override
  public List<JobOnVolume> jobsOnVolume(VolumeRequest r) {
    return call(r.director(), c -> views.jobs(c.jobsOnVolume(VolumeName.of(r.volume().value()))));
  }

  @Override
  public List<String> volumesForJob(JobRequest r) {
    return call(
        r.director(),
        c -> {
          List<String> volumes = new ArrayList<>();
          for (VolumeName v : c.volumesOfJob(JobId.of(r.jobId()))) {
            volumes.add(v.value());
          }
          return volumes;
        });
  }

  @Override
  public long startRestore(RestoreJobRequest r) {
    Directors.Director d = directors.get(r.director());
    Optional<Long> started = heartbeat(Long.class);
    if (started.isPresent()) {
      return started.get();
    }
    return call(
        r.director(),
        c -> {
          String where = r.where() != null ? r.where() : d.restoreWhere();
          RestoreRequirement rr =
              c.restoreSynced(
                  JobId.of(r.backupJobId()),
                  where == null ? null : RestorePath.of(where),
                  r.client() == null ? null : ClientName.of(r.client()),
                  JobName.of(d.restoreJob()),
                  StorageName.of(d.storage()),
                  d.drive());
          beat(rr.job().value());
          LOG.info(
              "restore of job {} started as job {} ({})", r.backupJobId(), rr.job(), r.requestId());
          return rr.job().value();
        });
  }

  @Override
  public JobOutcome awaitJob(JobRequest r) {
    Directors.Director d = directors.get(r.director());
    while (true) {
      JobRecord j = call(r.director(), c -> c.job(JobId.of(r.jobId())));
      beat(j.status().meaning());
      if (j.status().terminal()) {
        if (!j.status().successful()) {
          throw Failures.of(
              Failures.JOB_FAILED,
              "job "
                  + r.jobId()
                  + " ("
                  + j.name()
                  + ") ended "
                  + j.status().meaning()
                  + " with "
                  + j.errors()
                  + " errors: see its log (bconsole: list joblog jobid="
                  + r.jobId()
                  + ")");
        }
        return new JobOutcome(r.jobId(), String.valueOf(j.status().code()), j.bytes(), j.files());
      }
      try {
        Thread.sleep(d.jobPoll().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Failures.of(Failures.BACULA_BUSY, "interrupted while waiting for job " + r.jobId());
      }
    }
  }

  @Override
  public Location releaseDrive(DriveRequest r) {
    return call(
        r.director(),
        c -> {
          List<String> said = c.unmount(StorageName.of(r.storage()), r.drive());
          LOG.info("released drive {} of {} ({}): {}", r.drive(), r.storage(), r.requestId(), said);
          return Location.drive(r.drive());
        });
  }

  @Override
  public void deleteVolume(VolumeRequest r) {
    call(
        r.director(),
        c -> {
          VolumeName v = VolumeName.of(r.volume().value());
          if (c.volume(v).isEmpty()) {
            return null;
          }
          c.deleteVolume(
              v,
              VolumeEligibility.stated(
                  v, "its tape was deleted at the gateway (request " + r.requestId() + ")"));
          return null;
        });
  }

  // ---------------------------------------------------------------- helpers

  private <T> T call(String director, java.util.function.Function<BaculaConsole, T> action) {
    BaculaConsole c = directors.get(director).console();
    try {
      return action.apply(c);
    } catch (ApplicationFailure f) {
      throw f;
    } catch (RuntimeException e) {
      throw BaculaFailures.of(e);
    }
  }

  private static void beat(Object details) {
    context().ifPresent(ctx -> ctx.heartbeat(details));
  }

  private static <T> Optional<T> heartbeat(Class<T> type) {
    return context().flatMap(ctx -> ctx.getHeartbeatDetails(type));
  }

  private static Optional<ActivityExecutionContext> context() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException | NullPointerException notInAnActivity) {
      return Optional.empty();
    }
  }
}
