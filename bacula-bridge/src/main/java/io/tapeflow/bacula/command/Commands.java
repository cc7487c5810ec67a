package io.tapeflow.bacula.command;

import io.tapeflow.bacula.console.BconsoleCommand;
import io.tapeflow.bacula.console.SqlQuery;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolumeName;
import java.util.Objects;

/**
 * The typed bconsole commands tapeflow sends. Every argument is a validated value; every keyword
 * that would otherwise make the Director ask a question is always given ({@code storage=}, {@code
 * drive=}, {@code slot=}, {@code pool=}, {@code yes}), and the one question that cannot be avoided
 * ({@code label barcodes}' "yes|no") is answered on the next line. Anything refused here raises
 * {@link InvalidValueException} and nothing is sent.
 */
public final class Commands {
  /** The highest drive index accepted. */
  public static final int MAX_DRIVE = 999;

  private Commands() {}

  /**
   * {@code update slots [scan] storage=S drive=D [slot=R]}. Uses {@code slot=}: the sub-command
   * word {@code slots} shadows a {@code slots=} argument, which would silently scan every slot.
   *
   * @param range the slots to update, or null for all
   * @param scan load each cartridge and read its label (slow; mounts every slot)
   */
  public static BconsoleCommand updateSlots(
      StorageName storage, int drive, SlotRange range, boolean scan) {
    BconsoleCommand.Builder b = BconsoleCommand.builder("update").word("slots");
    if (scan) {
      b.word("scan");
    }
    b.keyword("storage", req(storage, "storage")).keyword("drive", drive(drive));
    if (range != null) {
      b.keyword("slot", range.toBacula());
    }
    return b.build();
  }

  /**
   * {@code label barcodes storage=S pool=P slots=R drive=D}, answering its "label these Volumes?"
   * question with {@code yes} on the next line (the {@code yes} keyword is ignored by 9.6).
   *
   * @param range the slots to label, or null for every slot the changer lists
   */
  public static BconsoleCommand labelBarcodes(
      StorageName storage, PoolName pool, int drive, SlotRange range) {
    BconsoleCommand.Builder b =
        BconsoleCommand.builder("label")
            .word("barcodes")
            .keyword("storage", req(storage, "storage"))
            .keyword("pool", req(pool, "pool"));
    if (range != null) {
      b.keyword("slots", range.toBacula());
    }
    return b.keyword("drive", drive(drive)).answer("yes").build();
  }

  /** {@code label storage=S pool=P volume=V slot=N drive=D}: one volume, named by the caller. */
  public static BconsoleCommand labelVolume(
      StorageName storage, PoolName pool, VolumeName volume, int slot, int drive) {
    return BconsoleCommand.builder("label")
        .keyword("storage", req(storage, "storage"))
        .keyword("pool", req(pool, "pool"))
        .keyword("volume", req(volume, "volume"))
        .keyword("slot", slot(slot))
        .keyword("drive", drive(drive))
        .build();
  }

  /** {@code list volumes [pool=P]}. */
  public static BconsoleCommand listVolumes(PoolName pool) {
    BconsoleCommand.Builder b = BconsoleCommand.builder("list").word("volumes");
    if (pool != null) {
      b.keyword("pool", pool);
    }
    return b.build();
  }

  /** {@code llist volume=V}: every field of one volume. */
  public static BconsoleCommand llistVolume(VolumeName volume) {
    return BconsoleCommand.builder("llist").keyword("volume", req(volume, "volume")).build();
  }

  /** {@code llist jobid=N}: one job's catalog record (its status, for polling). */
  public static BconsoleCommand llistJob(JobId job) {
    return BconsoleCommand.builder("llist").keyword("jobid", req(job, "job id")).build();
  }

  /**
   * {@code .api 2} then {@code status slots storage=S drive=D}: machine-readable slot records built
   * from the Changer Command's {@code listall}, including import/export slots.
   */
  public static BconsoleCommand statusSlots(StorageName storage, int drive) {
    return BconsoleCommand.builder("status")
        .word("slots")
        .keyword("storage", req(storage, "storage"))
        .keyword("drive", drive(drive))
        .mode(".api 2")
        .build();
  }

  /** {@code status storage=S}: the storage daemon's devices, jobs and loaded slots. */
  public static BconsoleCommand statusStorage(StorageName storage) {
    return BconsoleCommand.builder("status").keyword("storage", req(storage, "storage")).build();
  }

  /** {@code mount storage=S drive=D slot=N}. The slot is required: without it the Director asks. */
  public static BconsoleCommand mount(StorageName storage, int drive, int slot) {
    return BconsoleCommand.builder("mount")
        .keyword("storage", req(storage, "storage"))
        .keyword("drive", drive(drive))
        .keyword("slot", slot(slot))
        .build();
  }

  /** {@code unmount storage=S drive=D}: the SD unloads the drive's cartridge to its slot. */
  public static BconsoleCommand unmount(StorageName storage, int drive) {
    return BconsoleCommand.builder("unmount")
        .keyword("storage", req(storage, "storage"))
        .keyword("drive", drive(drive))
        .build();
  }

  /**
   * {@code release storage=S drive=D slot=N}. The slot is required: without it the Director asks.
   */
  public static BconsoleCommand release(StorageName storage, int drive, int slot) {
    return BconsoleCommand.builder("release")
        .keyword("storage", req(storage, "storage"))
        .keyword("drive", drive(drive))
        .keyword("slot", slot(slot))
        .build();
  }

  /** {@code update volume=V [volstatus=S] [slot=N] [inchanger=yes|no]}. */
  public static BconsoleCommand updateVolume(VolumeName volume, VolumeUpdate update) {
    Objects.requireNonNull(update, "update");
    BconsoleCommand.Builder b =
        BconsoleCommand.builder("update").keyword("volume", req(volume, "volume"));
    if (update.status() != null) {
      b.keyword("volstatus", update.status().bacula());
    }
    if (update.slot() != null) {
      b.keyword("slot", update.slot());
    }
    if (update.inChanger() != null) {
      b.keyword("inchanger", update.inChanger() ? "yes" : "no");
    }
    return b.build();
  }

  /** {@code list jobmedia [jobid=N]}. */
  public static BconsoleCommand listJobMedia(JobId job) {
    BconsoleCommand.Builder b = BconsoleCommand.builder("list").word("jobmedia");
    if (job != null) {
      b.keyword("jobid", job);
    }
    return b.build();
  }

  /** {@code .sql query="..."} for one of tapeflow's fixed queries. */
  public static BconsoleCommand sql(SqlQuery query) {
    return req(query, "query").command();
  }

  /** {@code run job=J yes}: queues a job; the reply carries its JobId. */
  public static BconsoleCommand run(JobName job) {
    return BconsoleCommand.builder("run").keyword("job", req(job, "job")).word("yes").build();
  }

  /**
   * {@code restore jobid=N [client=C] [restorejob=J] all done yes where=W}: restores every file of
   * a job, without questions. Give {@code restoreJob} when the Director has several Restore jobs.
   */
  public static BconsoleCommand restore(
      JobId job, RestorePath where, ClientName client, JobName restoreJob) {
    BconsoleCommand.Builder b =
        BconsoleCommand.builder("restore").keyword("jobid", req(job, "job id"));
    if (client != null) {
      b.keyword("client", client);
    }
    if (restoreJob != null) {
      b.keyword("restorejob", restoreJob);
    }
    return b.word("all")
        .word("done")
        .word("yes")
        .keyword("where", req(where, "restore directory"))
        .build();
  }

  /**
   * {@code purge volume=V}: removes the volume's job and file records from the catalog. Refused
   * unless {@code eligibility} states that this very volume may be purged.
   */
  public static BconsoleCommand purgeVolume(VolumeName volume, VolumeEligibility eligibility) {
    requireStatement(volume, eligibility, "purge");
    return BconsoleCommand.builder("purge").keyword("volume", volume).build();
  }

  /**
   * {@code delete volume=V yes}: removes the volume's catalog record. Refused unless {@code
   * eligibility} states that this very volume may be deleted.
   */
  public static BconsoleCommand deleteVolume(VolumeName volume, VolumeEligibility eligibility) {
    requireStatement(volume, eligibility, "delete");
    return BconsoleCommand.builder("delete").keyword("volume", volume).word("yes").build();
  }

  /** {@code messages}: the Director's queued job and daemon messages. */
  public static BconsoleCommand messages() {
    return BconsoleCommand.builder("messages").build();
  }

  private static void requireStatement(VolumeName volume, VolumeEligibility e, String what) {
    req(volume, "volume");
    if (e == null) {
      throw new InvalidValueException(
          "refusing to "
              + what
              + " volume "
              + volume
              + ": no eligibility statement; pass VolumeEligibility.stated(volume, reason) once"
              + " retention, the shelf's minimum storage time and any retention lock allow it");
    }
    if (!e.volume().equals(volume)) {
      throw new InvalidValueException(
          "refusing to "
              + what
              + " volume "
              + volume
              + ": the eligibility statement is about "
              + e.volume());
    }
  }

  static int drive(int drive) {
    if (drive < 0 || drive > MAX_DRIVE) {
      throw new InvalidValueException(
          "drive index " + drive + " is out of range; drives are numbered 0-" + MAX_DRIVE);
    }
    return drive;
  }

  static int slot(int slot) {
    if (slot < 1 || slot > SlotRange.MAX_SLOT) {
      throw new InvalidValueException(
          "slot " + slot + " is out of range; Bacula slots are numbered 1-" + SlotRange.MAX_SLOT);
    }
    return slot;
  }

  private static <T> T req(T value, String what) {
    if (value == null) {
      throw new InvalidValueException(what + " is missing");
    }
    return value;
  }
}
