package io.tapeflow.bacula.testing;

import io.tapeflow.bacula.BconsoleTimeoutException;
import io.tapeflow.bacula.VolumeNotEligibleException;
import io.tapeflow.bacula.command.Commands;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.console.Bconsole;
import io.tapeflow.bacula.console.SqlQuery;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobMedia;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.RestoreRequirement;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.UpdateSlotsResult;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.Volume;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.bacula.parse.CatalogRows;
import io.tapeflow.bacula.parse.DeviceCommandParser;
import io.tapeflow.bacula.parse.JobQueuedParser;
import io.tapeflow.bacula.parse.RecordParsers;
import io.tapeflow.bacula.parse.ReplyErrors;
import io.tapeflow.bacula.parse.RestoreParser;
import io.tapeflow.bacula.parse.SqlRows;
import io.tapeflow.bacula.parse.UpdateSlotsParser;
import io.tapeflow.bacula.parse.VolumeListParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What tests do to a private Bacula beside what tapeflow does ({@link io.tapeflow.bacula
 * .BaculaConsole}): run backups and restores, wait for jobs, mount by hand, purge a volume, read
 * listings. Same commands and parsers as the product, no product code depends on it.
 */
public final class BaculaTestConsole {
  private static final Set<VolStatus> NEVER_PURGE =
      Set.of(VolStatus.APPEND, VolStatus.BUSY, VolStatus.CLEANING);

  private final Bconsole console;

  public BaculaTestConsole(Bconsole console) {
    this.console = console;
  }

  /** {@code update slots} for a range (null: all slots). */
  public UpdateSlotsResult updateSlots(StorageName storage, int drive, SlotRange range) {
    return UpdateSlotsParser.parse(
        console.execute(Commands.updateSlots(storage, drive, range, false)));
  }

  /** {@code list volumes [pool=P]}. */
  public List<Volume> listVolumes(PoolName pool) {
    return VolumeListParser.parse(
        console.execute(Commands.listVolumes(pool)), pool == null ? null : pool.value());
  }

  private Optional<VolumeRecord> volume(VolumeName volume) {
    return RecordParsers.volume(console.execute(Commands.llistVolume(volume)));
  }

  /** {@code mount storage=S drive=D slot=N}. */
  public List<String> mount(StorageName storage, int drive, int slot) {
    return DeviceCommandParser.parse(console.execute(Commands.mount(storage, drive, slot)));
  }

  /** {@code release storage=S drive=D slot=N}. */
  public List<String> release(StorageName storage, int drive, int slot) {
    return DeviceCommandParser.parse(console.execute(Commands.release(storage, drive, slot)));
  }

  /** {@code list jobmedia [jobid=N]}. */
  public List<JobMedia> jobMedia(JobId job) {
    return RecordParsers.jobMedia(console.execute(Commands.listJobMedia(job)));
  }

  /** Slot, InChanger, status and StorageId of one volume, if the catalog has it. */
  public Optional<VolumeLocation> volumeLocation(VolumeName volume) {
    SqlQuery q = SqlQuery.volumeLocation(volume);
    return SqlRows.parse(console.execute(Commands.sql(q)), q.columns()).stream()
        .findFirst()
        .map(CatalogRows::volumeLocation);
  }

  /** {@code run job=J yes}: the queued job's id. */
  public JobId run(JobName job) {
    return JobQueuedParser.parse(console.execute(Commands.run(job)));
  }

  /** {@code restore jobid=N where=W all done yes}, without {@code update slots} first. */
  public RestoreRequirement restore(
      JobId job, RestorePath where, ClientName client, JobName restoreJob) {
    return RestoreParser.parse(console.execute(Commands.restore(job, where, client, restoreJob)));
  }

  /** Polls the job's record until it has ended. */
  public JobRecord awaitJob(JobId job, Duration timeout, Duration interval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JobRecord r = RecordParsers.job(console.execute(Commands.llistJob(job))).orElseThrow();
      if (r.status().terminal()) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new BconsoleTimeoutException(
            "job " + job + " is still " + r.status().meaning() + " after " + timeout);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BconsoleTimeoutException("interrupted while waiting for job " + job);
      }
    }
  }

  /**
   * Waits for the job to end, then runs {@code update slots} for every slot, as tapeflow does after
   * a job (a job that waited for a mount writes stale Slot/InChanger values back).
   */
  public JobRecord finishJob(
      JobId job, StorageName storage, int drive, Duration timeout, Duration interval) {
    JobRecord r = awaitJob(job, timeout, interval);
    updateSlots(storage, drive, null);
    return r;
  }

  /**
   * {@code purge volume=V}, guarded as an operator would: refused (nothing sent) unless the catalog
   * has the volume, it is not Append, Busy or Cleaning and its retention has ended. A volume
   * already Purged is left as it is.
   */
  public void purgeVolume(VolumeName volume, VolumeEligibility eligibility) {
    Commands.purgeVolume(volume, eligibility);
    VolumeRecord r =
        volume(volume)
            .orElseThrow(
                () -> new VolumeNotEligibleException("refusing to purge unknown " + volume));
    if (r.status() == VolStatus.PURGED) {
      return;
    }
    if (NEVER_PURGE.contains(r.status())) {
      throw new VolumeNotEligibleException("refusing to purge " + volume + ": it is " + r.status());
    }
    if (r.expiresIn() > 0) {
      throw new VolumeNotEligibleException(
          "refusing to purge " + volume + ": its retention ends in " + r.expiresIn() + " s");
    }
    ReplyErrors.check(console.execute(Commands.purgeVolume(volume, eligibility)));
  }

  /** {@code messages}: the Director's queued messages, as lines. */
  public List<String> messages() {
    return console.execute(Commands.messages()).lines();
  }
}
