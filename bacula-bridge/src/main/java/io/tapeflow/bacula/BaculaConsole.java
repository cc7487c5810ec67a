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
import io.tapeflow.bacula.model.VolumeJob;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.bacula.parse.CatalogRows;
import io.tapeflow.bacula.parse.DeviceCommandParser;
import io.tapeflow.bacula.parse.LabelParser;
import io.tapeflow.bacula.parse.RecordParsers;
import io.tapeflow.bacula.parse.ReplyErrors;
import io.tapeflow.bacula.parse.RestoreParser;
import io.tapeflow.bacula.parse.SlotStatusParser;
import io.tapeflow.bacula.parse.SqlRows;
import io.tapeflow.bacula.parse.StorageStatusParser;
import io.tapeflow.bacula.parse.UpdateSlotsParser;
import io.tapeflow.bacula.parse.UpdateVolumeParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bacula as tapeflow uses it: each method sends one typed command (sometimes a few, where a Bacula
 * pitfall needs it) and returns the parsed reply or raises a typed {@link BaculaException}. A
 * facade on purpose: the commands ({@link Commands}), the process ({@link Bconsole}) and the
 * parsers ({@code io.tapeflow.bacula.parse}) are separate and separately tested.
 *
 * <p>Pitfalls handled here: {@link #syncSlots} reports the volumes {@code update slots} silently
 * takes out of the changer, and is what a caller runs after a job ends, because a job that waited
 * for a mount writes stale Slot/InChanger values back when it ends; {@link #restoreSynced} runs it
 * before a restore, because a stale catalog slot makes the job fail on {@code load}.
 *
 * <p>Only what tapeflow itself calls is here; {@code label barcodes} stays for the scratch policy,
 * which weighs it against labelling on several drives at once.
 */
public final class BaculaConsole {
  private static final Logger LOG = LoggerFactory.getLogger(BaculaConsole.class);

  private final Bconsole console;

  public BaculaConsole(Bconsole console) {
    this.console = console;
  }

  /**
   * {@code update slots} for every slot, reporting also the volumes it silently marked as out of
   * the changer (compared through the catalog before and after).
   */
  public SlotSync syncSlots(StorageName storage, int drive) {
    Map<String, Integer> before = inChanger();
    UpdateSlotsResult report =
        UpdateSlotsParser.parse(console.execute(Commands.updateSlots(storage, drive, null, false)));
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
   * @throws BconsoleCommandException if a volume's label failed (the others stay labelled;
   *     repeating the call is safe)
   */
  public LabelResult labelBarcodes(StorageName storage, PoolName pool, int drive, SlotRange range) {
    BconsoleReply reply = console.execute(Commands.labelBarcodes(storage, pool, drive, range));
    LabelResult r = LabelParser.parse(reply);
    if (!r.failed().isEmpty()) {
      throw new BconsoleCommandException(
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

  /** {@code unmount storage=S drive=D}. */
  public List<String> unmount(StorageName storage, int drive) {
    return DeviceCommandParser.parse(console.execute(Commands.unmount(storage, drive)));
  }

  /** {@code update volume=V ...}. */
  public void updateVolume(VolumeName volume, VolumeUpdate update) {
    int changes =
        (update.status() != null ? 1 : 0)
            + (update.inChanger() != null ? 1 : 0)
            + (update.slot() != null ? 1 : 0);
    UpdateVolumeParser.parse(console.execute(Commands.updateVolume(volume, update)), changes);
  }

  /** The volumes a job wrote or read, from the catalog's JobMedia records. */
  public List<VolumeName> volumesOfJob(JobId job) {
    List<VolumeName> out = new ArrayList<>();
    for (List<String> row : query(SqlQuery.volumesOfJob(job))) {
      out.add(VolumeName.of(row.get(0)));
    }
    return out;
  }

  /** The jobs with data on a volume, by JobId (for an archived tape's manifest). */
  public List<VolumeJob> jobsOnVolume(VolumeName volume) {
    List<VolumeJob> out = new ArrayList<>();
    for (List<String> row : query(SqlQuery.jobsOnVolume(volume))) {
      out.add(CatalogRows.volumeJob(row));
    }
    return out;
  }

  private List<List<String>> query(SqlQuery query) {
    return SqlRows.parse(console.execute(Commands.sql(query)), query.columns());
  }

  /** Slot, InChanger and status of every volume, straight from the catalog. */
  private List<VolumeLocation> volumeLocations() {
    List<VolumeLocation> out = new ArrayList<>();
    for (List<String> row : query(SqlQuery.allVolumeLocations())) {
      out.add(CatalogRows.volumeLocation(row));
    }
    return out;
  }

  private RestoreRequirement restore(
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
                new BconsoleCommandException(
                    "job " + job + " is not in the catalog; check the JobId", List.of()));
  }

  /**
   * {@code delete volume=V yes}, guarded. Refused (nothing sent) unless {@code eligibility} names
   * this volume and the catalog shows it Purged (Bacula holds no job on it any more).
   *
   * @throws VolumeNotEligibleException when the catalog says no
   */
  public void deleteVolume(VolumeName volume, VolumeEligibility eligibility) {
    Commands.deleteVolume(volume, eligibility);
    VolumeRecord r = requireVolume(volume, "delete");
    if (r.status() != VolStatus.PURGED) {
      throw new VolumeNotEligibleException(
          "refusing to delete "
              + volume
              + ": it is "
              + r.status()
              + ", not Purged; wait until Bacula has purged it (bconsole: purge volume="
              + volume
              + ")");
    }
    LOG.info("deleting volume {}: {}", volume, eligibility.reason());
    ReplyErrors.check(console.execute(Commands.deleteVolume(volume, eligibility)));
    if (volume(volume).isPresent()) {
      throw new BconsoleCommandException(
          "delete volume=" + volume + " left the record in place", List.of());
    }
  }

  private VolumeRecord requireVolume(VolumeName volume, String what) {
    return volume(volume)
        .orElseThrow(
            () ->
                new VolumeNotEligibleException(
                    "refusing to " + what + " " + volume + ": the catalog has no such volume"));
  }
}
