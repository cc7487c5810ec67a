package io.tapeflow.workflows.testing;

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
import io.tapeflow.workflows.lifecycle.VolStatuses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A stand-in for Bacula in workflow tests: a catalog of volumes, plus injected failures. */
public final class StubBacula implements BaculaActivities {
  public final Faults faults = new Faults();
  private final Supplier<Instant> clock;
  private final StubChanger changer;
  private final Map<String, String> volStatus = new HashMap<>();
  private final List<String> commands = new ArrayList<>();
  private final Map<Long, List<String>> jobVolumes = new HashMap<>();

  public StubBacula(Supplier<Instant> clock, StubChanger changer) {
    this.clock = clock;
    this.changer = changer;
  }

  /** Sets a volume's status, as Bacula would (a job filling it, a prune). */
  public synchronized void set(String volume, String status) {
    volStatus.put(volume, status);
  }

  public synchronized String status(String volume) {
    return volStatus.get(volume);
  }

  /** The volumes jobmedia shows for a job. */
  public synchronized void jobVolumes(long job, List<String> volumes) {
    jobVolumes.put(job, List.copyOf(volumes));
  }

  /** What was asked of Bacula, in order (e.g. "label TAP00001 drive=0"). */
  public synchronized List<String> commands() {
    return List.copyOf(commands);
  }

  @Override
  public synchronized VolumeInfo label(LabelRequest r) {
    faults.enter("label");
    commands.add("label " + r.volume().value() + " drive=" + r.drive());
    volStatus.putIfAbsent(r.volume().value(), VolStatuses.APPEND);
    changer.put(r.volume().value(), Tapes.drive(r.drive()));
    return info(r.volume().value(), null, r.drive());
  }

  @Override
  public synchronized void updateSlots(SlotsRequest r) {
    faults.enter("updateSlots");
    commands.add("update slots");
  }

  @Override
  public synchronized List<JobOnVolume> afterExport(AfterExportRequest r) {
    faults.enter("afterExport");
    commands.add("update slots");
    if (r.restoreVolStatus() != null) {
      commands.add("volstatus " + r.volume().value() + "=" + r.restoreVolStatus());
      volStatus.put(r.volume().value(), r.restoreVolStatus());
    }
    return jobs();
  }

  @Override
  public synchronized VolumeInfo volumeInfo(VolumeRequest r) {
    faults.enter("volumeInfo");
    if (!volStatus.containsKey(r.volume().value())) {
      throw Failures.of(Failures.VOLUME_NOT_FOUND, "no volume " + r.volume().value());
    }
    return info(r.volume().value(), null, null);
  }

  @Override
  public synchronized VolumeInfo setVolumeStatus(SetVolumeStatusRequest r) {
    faults.enter("setVolumeStatus");
    commands.add("volstatus " + r.volume().value() + "=" + r.volStatus());
    String previous = volStatus.put(r.volume().value(), VolStatuses.canonical(r.volStatus()));
    return info(r.volume().value(), previous, null);
  }

  @Override
  public synchronized List<JobOnVolume> jobsOnVolume(VolumeRequest r) {
    faults.enter("jobsOnVolume");
    return jobs();
  }

  private List<JobOnVolume> jobs() {
    return List.of(
        new JobOnVolume(
            7, "BackupClient1", "client1-fd", "F", 1_000_000, 42, clock.get().minusSeconds(3600)),
        new JobOnVolume(
            8, "BackupClient2", "client2-fd", "I", 5_000, 3, clock.get().minusSeconds(60)));
  }

  @Override
  public synchronized List<String> volumesForJob(JobRequest r) {
    faults.enter("volumesForJob");
    return jobVolumes.getOrDefault(r.jobId(), List.of());
  }

  @Override
  public synchronized long startRestore(RestoreJobRequest r) {
    faults.enter("startRestore");
    commands.add("restore jobid=" + r.backupJobId());
    return 100;
  }

  @Override
  public synchronized JobOutcome awaitJob(JobRequest r) {
    faults.enter("awaitJob");
    return new JobOutcome(r.jobId(), "T", 0, 0);
  }

  @Override
  public synchronized Location releaseDrive(DriveRequest r) {
    faults.enter("releaseDrive");
    commands.add("release drive=" + r.drive());
    // Bacula answers in its own numbers: slot 3 is the third storage slot.
    for (String v : volStatus.keySet()) {
      if (changer.where(v).equals(Tapes.drive(r.drive()))) {
        changer.put(v, Tapes.LAYOUT.slot(3));
      }
    }
    return Location.slot(3);
  }

  @Override
  public synchronized void deleteVolume(VolumeRequest r) {
    faults.enter("deleteVolume");
    commands.add("delete " + r.volume().value());
    volStatus.remove(r.volume().value());
  }

  private VolumeInfo info(String volume, String previous, Integer drive) {
    return new VolumeInfo(
        volume,
        volStatus.get(volume),
        previous,
        Tapes.BACULA_POOL,
        0,
        true,
        drive,
        0,
        0,
        null,
        null);
  }
}
