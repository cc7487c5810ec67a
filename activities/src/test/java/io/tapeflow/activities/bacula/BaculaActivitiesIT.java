package io.tapeflow.activities.bacula;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.BaculaLab;
import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.workflows.bacula.AfterExportRequest;
import io.tapeflow.workflows.bacula.BaculaActivities;
import io.tapeflow.workflows.bacula.DriveRequest;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.bacula.JobOutcome;
import io.tapeflow.workflows.bacula.JobRequest;
import io.tapeflow.workflows.bacula.LabelRequest;
import io.tapeflow.workflows.bacula.RestoreJobRequest;
import io.tapeflow.workflows.bacula.SetVolumeStatusRequest;
import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestActivityExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BaculaActivitiesImpl} against a real Bacula 9.6 whose storage daemon drives the emulator's
 * tgt library through tapeflow's Changer Command. The tests follow one tape: label, back up, read
 * what is on it, close it, release the drive, restore, export, and finally delete its record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaculaActivitiesIT {
  private static final String TAPE = "TFBA0001";

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static BaculaLab bacula;
  static BaculaConsole console;
  static BaculaTestConsole testConsole;
  static MediumChanger changer;
  static String storage;
  static long backup;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(
              new BaculaActivitiesImpl(
                  new Directors(
                      Map.of(
                          "dir1",
                          new Directors.Director(
                              console,
                              storage,
                              0,
                              bacula.env("RESTORE_JOB"),
                              bacula.env("RESTORE_DIR"),
                              Duration.ofMillis(500)))),
                  ZoneId.systemDefault()))
          .build();

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    bacula = BaculaLab.start(dir.resolve("bacula"), gw, 2, "--volume-retention", "1 second");
    console = bacula.console();
    testConsole = bacula.testConsole();
    storage = bacula.env("STORAGE");
    changer = gw.openChanger();
    for (String bc : List.of(TAPE, "TFBA0002")) {
      gw.sgw()
          .createTapeWithBarcode(
              b -> b.gatewayARN(gw.gatewayArn()).tapeBarcode(bc).tapeSizeInBytes(100L << 30));
      Checks.await(() -> changer.locate(bc).isPresent());
      changer.ensureIn(bc, ElementType.STORAGE);
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {bacula, changer, gw}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep stopping the others
      }
    }
  }

  @Test
  @Order(1)
  void label_labelsTheTapeOnTheDrive_andARetryDoesNotRelabel(BaculaActivities a) {
    LabelRequest r =
        new LabelRequest("dir1", storage, bacula.env("POOL"), Barcode.of(TAPE), -1, 0, "label-1");
    VolumeInfo v = a.label(r);
    assertThat(v.volume()).isEqualTo(TAPE);
    assertThat(v.volStatus()).isEqualTo("Append");
    assertThat(v.inChanger()).isTrue();
    assertThat(v.drive()).isEqualTo(0);
    assertThat(a.label(r).volume()).isEqualTo(TAPE);
  }

  @Test
  @Order(2)
  void jobsOnVolume_andVolumesForJob_readJobmedia(BaculaActivities a) {
    JobId job = testConsole.run(JobName.of(bacula.env("BACKUP_JOB")));
    JobRecord done =
        testConsole.finishJob(
            job, StorageName.of(storage), 0, Duration.ofMinutes(5), Duration.ofMillis(500));
    assertThat(done.status().successful()).as("backup %s", done).isTrue();
    backup = job.value();
    List<JobOnVolume> jobs = a.jobsOnVolume(new VolumeRequest("dir1", Barcode.of(TAPE), null));
    assertThat(jobs).extracting(JobOnVolume::jobId).contains(backup);
    JobOnVolume j = jobs.stream().filter(x -> x.jobId() == backup).findFirst().orElseThrow();
    assertThat(j.client()).isEqualTo(bacula.env("CLIENT"));
    assertThat(j.bytes()).isPositive();
    assertThat(j.endTime()).isNotNull();
    assertThat(a.volumesForJob(new JobRequest("dir1", backup))).containsExactly(TAPE);
  }

  @Test
  @Order(3)
  void setVolumeStatus_reportsThePreviousStatus_evenOnARetry(
      BaculaActivities a, TestActivityEnvironment testEnv) {
    SetVolumeStatusRequest full =
        new SetVolumeStatusRequest("dir1", storage, Barcode.of(TAPE), "Full", false, 0, "full-1");
    VolumeInfo v = a.setVolumeStatus(full);
    assertThat(v.volStatus()).isEqualTo("Full");
    assertThat(v.previousVolStatus()).isEqualTo("Append");
    testEnv.setHeartbeatDetails("Append");
    assertThat(a.setVolumeStatus(full).previousVolStatus())
        .as("the first attempt's")
        .isEqualTo("Append");
  }

  @Test
  @Order(4)
  void restore_startsOnce_andIsAwaited(BaculaActivities a, TestActivityEnvironment testEnv) {
    long job = a.startRestore(new RestoreJobRequest("dir1", backup, null, null, "restore-1"));
    JobOutcome done = a.awaitJob(new JobRequest("dir1", job));
    assertThat(done.ok()).isTrue();
    assertThat(done.files()).isPositive();
    testEnv.setHeartbeatDetails(job);
    assertThat(a.startRestore(new RestoreJobRequest("dir1", backup, null, null, "restore-1")))
        .as("a retry after the start finds the job it started")
        .isEqualTo(job);
  }

  @Test
  @Order(5)
  void releaseDrive_thenExport_andBaculaLearnsTheTapeLeft(BaculaActivities a) {
    assertThat(a.releaseDrive(new DriveRequest("dir1", storage, 0, "release-1")))
        .isEqualTo(io.tapeflow.workflows.lifecycle.Location.drive(0));
    // The drive no longer holds on to the tape: the robot takes it straight from there.
    changer.ensureIn(TAPE, ElementType.IMPORT_EXPORT);
    List<JobOnVolume> jobs =
        a.afterExport(
            new AfterExportRequest("dir1", storage, 0, Barcode.of(TAPE), null, "after-1"));
    assertThat(jobs).extracting(JobOnVolume::jobId).contains(backup);
    VolumeInfo v = a.volumeInfo(new VolumeRequest("dir1", Barcode.of(TAPE), null));
    assertThat(v.inChanger()).isFalse();
    assertThat(v.volStatus()).isEqualTo("Full");
  }

  @Test
  @Order(6)
  void deleteVolume_removesAPurgedVolume_andIsHarmlessOnceGone(BaculaActivities a)
      throws Exception {
    Thread.sleep(1500);
    testConsole.purgeVolume(
        VolumeName.of(TAPE), VolumeEligibility.stated(VolumeName.of(TAPE), "test"));
    VolumeRequest r = new VolumeRequest("dir1", Barcode.of(TAPE), "delete-1");
    a.deleteVolume(r);
    a.deleteVolume(r);
    ApplicationFailure gone =
        Checks.failure(() -> a.volumeInfo(new VolumeRequest("dir1", Barcode.of(TAPE), null)));
    assertThat(gone.getType()).isEqualTo(Failures.VOLUME_NOT_FOUND);
  }

  @Test
  @Order(7)
  void failures_areTyped(BaculaActivities a) {
    assertThat(
            Checks.failure(
                    () -> a.volumeInfo(new VolumeRequest("dir1", Barcode.of("NOSUCH01"), null)))
                .getType())
        .isEqualTo(Failures.VOLUME_NOT_FOUND);
    ApplicationFailure notThere =
        Checks.failure(
            () ->
                a.label(
                    new LabelRequest(
                        "dir1", storage, bacula.env("POOL"), Barcode.of("NOSUCH02"), -1, 0, "l")));
    assertThat(notThere.getType()).isEqualTo(Failures.TAPE_NOT_FOUND);
    ApplicationFailure otherDirector =
        Checks.failure(() -> a.volumeInfo(new VolumeRequest("dir2", Barcode.of(TAPE), null)));
    assertThat(otherDirector.getType()).isEqualTo(Failures.INVALID_INPUT);
    assertThat(otherDirector.getOriginalMessage()).contains("bacula/dir2");
    a.label(
        new LabelRequest(
            "dir1", storage, bacula.env("POOL"), Barcode.of("TFBA0002"), -1, 1, "label-2"));
    ApplicationFailure refused =
        Checks.failure(
            () -> a.deleteVolume(new VolumeRequest("dir1", Barcode.of("TFBA0002"), "d")));
    assertThat(refused.getType()).isEqualTo(Failures.BCONSOLE_ERROR);
    assertThat(refused.getOriginalMessage()).contains("not Purged");
  }
}
