package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Commands to one Bacula director through bconsole. Runs on task queue {@code bacula/<director>},
 * on workers of hosts with a configured bconsole. Every value that reaches bconsole is validated
 * first. Side-effecting calls carry a request id and check Bacula's state before acting, so a retry
 * is harmless.
 *
 * <p>Failure types: {@code BconsoleError}, {@code VolumeNotFound}, {@code JobFailed}, {@code
 * InvalidInput} (non-retryable); {@code BaculaBusy} (retried).
 */
@ActivityInterface(namePrefix = "Bacula")
public interface BaculaActivities {

  /**
   * Refreshes the tape's slot in the catalog ({@code update slots}) and labels the volume with its
   * barcode on the given drive. A volume the catalog already has is not relabelled.
   *
   * @return the volume as the catalog shows it afterwards (Bacula leaves the tape in the drive)
   */
  VolumeInfo label(LabelRequest request);

  /** Runs {@code update slots} so the catalog's Slot and InChanger match the library. */
  // Kept for the worker's reconciliation and the archival policy.
  void updateSlots(SlotsRequest request);

  /**
   * After the tape left the library: runs {@code update slots} (the volume is no longer InChanger),
   * restores a retrieved copy's VolStatus if asked, and reads the jobs on the volume (jobmedia) for
   * its manifest. One bconsole session.
   *
   * @return the jobs with data on the volume
   */
  List<JobOnVolume> afterExport(AfterExportRequest request);

  /** Reads the volume's catalog record. Fails with {@code VolumeNotFound} if there is none. */
  VolumeInfo volumeInfo(VolumeRequest request);

  /**
   * Sets the volume's VolStatus, after {@code update slots} if asked.
   *
   * @return the volume afterwards, with {@link VolumeInfo#previousVolStatus()} set
   */
  VolumeInfo setVolumeStatus(SetVolumeStatusRequest request);

  /** The jobs with data on the volume (jobmedia). */
  // Kept for the worker's reconciliation and the archival policy.
  List<JobOnVolume> jobsOnVolume(VolumeRequest request);

  /** The volumes holding a job's data (jobmedia), for a restore. */
  List<String> volumesForJob(JobRequest request);

  /**
   * Starts a restore of a backup job's files. A restore already started for the same request id is
   * not started twice.
   *
   * @return the restore job's id
   */
  long startRestore(RestoreJobRequest request);

  /** Waits for a job to end, heartbeating. Fails with {@code JobFailed} if it ended in error. */
  JobOutcome awaitJob(JobRequest request);

  /**
   * Has Bacula release a drive ({@code unmount}): the storage daemon closes the device, so the
   * drive no longer holds on to its tape and the robot may take it.
   *
   * @return where the tape is now, in Bacula's numbers (a drive index, a Bacula slot; the workflow
   *     places them with its {@code LibraryLayout}): still that drive (Bacula 9.6 does not unload
   *     on unmount)
   */
  Location releaseDrive(DriveRequest request);

  /** Removes a purged volume from the catalog. A volume already gone counts as success. */
  void deleteVolume(VolumeRequest request);
}
