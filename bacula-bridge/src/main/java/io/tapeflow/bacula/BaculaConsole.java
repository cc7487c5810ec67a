package io.tapeflow.bacula;

import io.tapeflow.bacula.command.Commands;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.console.Bconsole;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.console.SqlQuery;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.DeviceStatus;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobMedia;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.LabelResult;
import io.tapeflow.bacula.model.LibrarySlots;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.RestoreRequirement;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.SlotSync;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.UpdateSlotsResult;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.Volume;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.bacula.parse.DeviceCommandParser;
import io.tapeflow.bacula.parse.JobQueuedParser;
import io.tapeflow.bacula.parse.LabelParser;
import io.tapeflow.bacula.parse.RecordParsers;
import io.tapeflow.bacula.parse.ReplyErrors;
import io.tapeflow.bacula.parse.RestoreParser;
import io.tapeflow.bacula.parse.SlotStatusParser;
import io.tapeflow.bacula.parse.SqlRows;
import io.tapeflow.bacula.parse.StorageStatusParser;
import io.tapeflow.bacula.parse.UpdateSlotsParser;
import io.tapeflow.bacula.parse.UpdateVolumeParser;
import io.tapeflow.bacula.parse.VolumeListParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bacula as tapeflow uses it: each method sends one typed command (sometimes a few, where a Bacula
 * pitfall needs it) and returns the parsed reply or raises a typed {@link BaculaException}. A
 * facade on purpose: the commands ({@link Commands}), the process ({@link Bconsole}) and the
 * parsers ({@code io.tapeflow.bacula.parse}) are separate and separately tested.
 *
 * <p>Pitfalls handled here: {@link #syncSlots} reports the volumes {@code update slots} silently
 * takes out of the changer; {@link #finishJob} runs {@code update slots} after every job, because a
 * job that waited for a mount writes stale Slot/InChanger values back when it ends; {@link
 * #restoreSynced} runs it before a restore, because a stale catalog slot makes the job fail on
 * {@code load}.
 */
public final class BaculaConsole {
  private static final Logger LOG = LoggerFactory.getLogger(BaculaConsole.class);
  private static final Set<VolStatus> NEVER_PURGE =
      Set.of(VolStatus.APPEND, VolStatus.BUSY, VolStatus.CLEANING);

  private final Bconsole console;

  public BaculaConsole(Bconsole console) {
    this.console = console;
  }

  /** {@code update slots} for a range (null: all slots). */
  public UpdateSlotsResult updateSlots(StorageName storage, int drive, SlotRange range) {
    return UpdateSlotsParser.parse(
        console.execute(Commands.updateSlots(storage, drive, range, false)));
  }

  /**
   * {@code update slots} for every slot, reporting also the volumes it silently marked as out of
   * the changer (compared through the catalog before and after).
   */
  public SlotSync syncSlots(StorageName storage, int drive) {
    Map<String, Integer> before = inChanger();
    UpdateSlotsResult report = updateSlots(storage, drive, null);
    Map<String, Integer> after = inChanger();
    Map<String, Integer> removed = new LinkedHashMap<>();
    before.forEach(
        (v, slot) -> {
          if (!after.containsKey(v)) {
            removed.put(v, slot);
          }
        });
    if (!removed.isEmpty()) {
      LOG.info("update slots took out of the changer: {}", removed);
    }
    return new SlotSync(report, removed);
  }

  private Map<String, Integer> inChanger() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (VolumeLocation l : volumeLocations()) {
      if (l.inChanger()) {
        m.put(l.name().value(), l.slot());
      }
    }
    return m;
  }

  /**
   * {@code label barcodes}, answering its question. Volumes that already had a record are reported,
   * not relabelled.
   *
   * @throws BconsoleError if a volume's label failed (the others stay labelled; repeating the call
   *     is safe)
   */
  public LabelResult labelBarcodes(StorageName storage, PoolName pool, int drive, SlotRange range) {
    BconsoleReply reply = console.execute(Commands.labelBarcodes(storage, pool, drive, range));
    LabelResult r = LabelParser.parse(reply);
    if (!r.failed().isEmpty()) {
      throw new BconsoleError(
          "label barcodes failed for " + r.failed() + " (labelled: " + r.labelled().keySet() + ")",
          List.copyOf(r.failed().values()));
    }
    List<String> errors = new ArrayList<>(ReplyErrors.errorLines(reply));
    errors.removeIf(e -> e.startsWith("Invalid Volume name") || e.startsWith("Illegal character"));
    if (!errors.isEmpty()) {
      throw ReplyErrors.failure(reply, errors);
    }
    return r;
  }

  /** {@code label volume=V slot=N drive=D}: labels one cartridge with a name of the caller's. */
  public LabelResult labelVolume(
      StorageName storage, PoolName pool, VolumeName volume, int slot, int drive) {
    BconsoleReply reply = console.execute(Commands.labelVolume(storage, pool, volume, slot, drive));
    LabelResult r = LabelParser.parse(reply);
    if (!r.labelled().containsKey(volume.value())) {
      List<String> errors = ReplyErrors.errorLines(reply);
      throw ReplyErrors.failure(
          reply, errors.isEmpty() ? List.of("no catalog record was created") : errors);
    }
    return r;
  }

  /** {@code list volumes [pool=P]}. */
  public List<Volume> listVolumes(PoolName pool) {
    return VolumeListParser.parse(
        console.execute(Commands.listVolumes(pool)), pool == null ? null : pool.value());
  }

  /** {@code llist volume=V}, or empty if the catalog has no such volume. */
  public Optional<VolumeRecord> volume(VolumeName volume) {
    return RecordParsers.volume(console.execute(Commands.llistVolume(volume)));
  }

  /** {@code .api 2} + {@code status slots}: drives, storage and import/export slots. */
  public LibrarySlots statusSlots(StorageName storage, int drive) {
    return SlotStatusParser.parse(console.execute(Commands.statusSlots(storage, drive)));
  }

  /** {@code status storage=S}: the devices and what the storage daemon believes is loaded. */
  public List<DeviceStatus> storageStatus(StorageName storage) {
    return StorageStatusParser.devices(console.execute(Commands.statusStorage(storage)));
  }

  /** {@code mount storage=S drive=D slot=N}; returns the storage daemon's answer lines. */
  public List<String> mount(StorageName storage, int drive, int slot) {
    return DeviceCommandParser.parse(console.execute(Commands.mount(storage, drive, slot)));
  }

  /** {@code unmount storage=S drive=D}. */
  public List<String> unmount(StorageName storage, int drive) {
    return DeviceCommandParser.parse(console.execute(Commands.unmount(storage, drive)));
  }

  /** {@code release storage=S drive=D slot=N}. */
  public List<String> release(StorageName storage, int drive, int slot) {
    return DeviceCommandParser.parse(console.execute(Commands.release(storage, drive, slot)));
  }

  /** {@code update volume=V ...}. */
  public void updateVolume(VolumeName volume, VolumeUpdate update) {
    int changes =
        (update.status() != null ? 1 : 0)
            + (update.inChanger() != null ? 1 : 0)
            + (update.slot() != null ? 1 : 0);
    UpdateVolumeParser.parse(console.execute(Commands.updateVolume(volume, update)), changes);
  }

  /** {@code list jobmedia [jobid=N]}. */
  public List<JobMedia> jobMedia(JobId job) {
    return RecordParsers.jobMedia(console.execute(Commands.listJobMedia(job)));
  }

  /** The rows of one of tapeflow's fixed catalog queries. */
  public List<List<String>> query(SqlQuery query) {
    return SqlRows.parse(console.execute(Commands.sql(query)), query.columns());
  }

  /** Slot, InChanger and status of every volume, straight from the catalog. */
  public List<VolumeLocation> volumeLocations() {
    List<VolumeLocation> out = new ArrayList<>();
    for (List<String> r : query(SqlQuery.allVolumeLocations())) {
      out.add(
          new VolumeLocation(
              VolumeName.of(r.get(0)),
              VolStatus.fromBacula(r.get(1)),
              Integer.parseInt(r.get(2)),
              !"0".equals(r.get(3)),
              0));
    }
    return out;
  }

  /** Slot, InChanger, status and StorageId of one volume, if the catalog has it. */
  public Optional<VolumeLocation> volumeLocation(VolumeName volume) {
    List<List<String>> rows = query(SqlQuery.volumeLocation(volume));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<String> r = rows.get(0);
    return Optional.of(
        new VolumeLocation(
            VolumeName.of(r.get(0)),
            VolStatus.fromBacula(r.get(1)),
            Integer.parseInt(r.get(2)),
            !"0".equals(r.get(3)),
            Long.parseLong(r.get(4))));
  }

  /** {@code run job=J yes}: the queued job's id. */
  public JobId run(JobName job) {
    return JobQueuedParser.parse(console.execute(Commands.run(job)));
  }

  /** {@code restore jobid=N where=W all done yes}: the queued job and the volumes it needs. */
  public RestoreRequirement restore(
      JobId job, RestorePath where, ClientName client, JobName restoreJob) {
    return RestoreParser.parse(console.execute(Commands.restore(job, where, client, restoreJob)));
  }

  /**
   * {@code update slots}, then the restore: a catalog slot left stale by a move makes the job's
   * {@code load} fail and the job end in a fatal error at once.
   */
  public RestoreRequirement restoreSynced(
      JobId job,
      RestorePath where,
      ClientName client,
      JobName restoreJob,
      StorageName storage,
      int drive) {
    syncSlots(storage, drive);
    return restore(job, where, client, restoreJob);
  }

  /** The job's catalog record now (for polling). */
  public JobRecord job(JobId job) {
    return RecordParsers.job(console.execute(Commands.llistJob(job)))
        .orElseThrow(
            () ->
                new BconsoleError(
                    "job " + job + " is not in the catalog; check the JobId", List.of()));
  }

  /**
   * Polls the job's status until it has ended.
   *
   * @throws BconsoleTimeout if it has not ended within {@code timeout}
   */
  public JobRecord awaitJob(JobId job, Duration timeout, Duration interval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JobRecord r = job(job);
      if (r.status().terminal()) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new BconsoleTimeout(
            "job "
                + job
                + " is still "
                + r.status().meaning()
                + " after "
                + timeout.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BconsoleTimeout("interrupted while waiting for job " + job);
      }
    }
  }

  /**
   * Waits for the job to end, then runs {@code update slots}: a job that started while its volume
   * was out of the changer writes Slot 0 / InChanger 0 back when it ends, even if the cartridge was
   * imported meanwhile.
   */
  public JobRecord finishJob(
      JobId job, StorageName storage, int drive, Duration timeout, Duration interval) {
    JobRecord r = awaitJob(job, timeout, interval);
    syncSlots(storage, drive);
    return r;
  }

  /**
   * {@code purge volume=V}, guarded. Refused (nothing sent) unless {@code eligibility} names this
   * volume, the catalog has it, it is not Append, Busy or Cleaning, and its retention has ended
   * (ExpiresIn 0). A volume already Purged is left as it is.
   *
   * @throws VolumeNotEligible when the catalog says no
   */
  public void purgeVolume(VolumeName volume, VolumeEligibility eligibility) {
    Commands.purgeVolume(volume, eligibility);
    VolumeRecord r = requireVolume(volume, "purge");
    if (r.status() == VolStatus.PURGED) {
      return;
    }
    if (NEVER_PURGE.contains(r.status())) {
      throw new VolumeNotEligible(
          "refusing to purge "
              + volume
              + ": it is "
              + r.status()
              + " (Bacula may still use it); mark it Used, Full or Archive first");
    }
    if (r.expiresIn() > 0) {
      throw new VolumeNotEligible(
          "refusing to purge "
              + volume
              + ": its Bacula retention ends in "
              + r.expiresIn()
              + " s; wait until then or shorten the pool's Volume Retention");
    }
    LOG.info("purging volume {}: {}", volume, eligibility.reason());
    ReplyErrors.check(console.execute(Commands.purgeVolume(volume, eligibility)));
  }

  /**
   * {@code delete volume=V yes}, guarded. Refused (nothing sent) unless {@code eligibility} names
   * this volume and the catalog shows it Purged (Bacula holds no job on it any more).
   *
   * @throws VolumeNotEligible when the catalog says no
   */
  public void deleteVolume(VolumeName volume, VolumeEligibility eligibility) {
    Commands.deleteVolume(volume, eligibility);
    VolumeRecord r = requireVolume(volume, "delete");
    if (r.status() != VolStatus.PURGED) {
      throw new VolumeNotEligible(
          "refusing to delete "
              + volume
              + ": it is "
              + r.status()
              + ", not Purged; purge it first (purgeVolume) once it is eligible");
    }
    LOG.info("deleting volume {}: {}", volume, eligibility.reason());
    ReplyErrors.check(console.execute(Commands.deleteVolume(volume, eligibility)));
    if (volume(volume).isPresent()) {
      throw new BconsoleError("delete volume=" + volume + " left the record in place", List.of());
    }
  }

  private VolumeRecord requireVolume(VolumeName volume, String what) {
    return volume(volume)
        .orElseThrow(
            () ->
                new VolumeNotEligible(
                    "refusing to " + what + " " + volume + ": the catalog has no such volume"));
  }

  /** {@code messages}: the Director's queued messages, as lines. */
  public List<String> messages() {
    return console.execute(Commands.messages()).lines();
  }
}
