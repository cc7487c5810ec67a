package io.tapeflow.workflows.lifecycle;

/** The side effects a state needs before the tape can move on. Each is one or two activities. */
public enum Step {
  /** Create the tape at the gateway. */
  CREATE("create the tape at the gateway"),
  /** Robot: I/E slot → free storage slot. */
  IMPORT("robot move from the I/E slot to a free storage slot"),
  /** Bacula: refresh slots and mark the retrieved copy Read-Only. */
  MARK_READ_ONLY("mark the volume Read-Only in Bacula"),
  /** Bacula: refresh the slot and label the volume with its barcode. */
  LABEL("label the volume in Bacula"),
  /** Bacula: release the drive holding the tape so the robot may take it. */
  FREE_DRIVE("have Bacula release the drive"),
  /** Robot: slot or drive → free I/E slot (this sends the tape to the shelf). */
  EXPORT("robot move to a free I/E slot"),
  /**
   * Bacula: refresh slots after the tape left, restore a retrieved copy's status, read the jobs on
   * the volume; then record the tape's manifest (jobs, clients, bytes, retention) in S3.
   */
  SYNC_BACULA("update Bacula's catalog after the export and record the manifest"),
  /** Complete the tape's manifest with its archive date and minimum storage date. */
  RECORD_MANIFEST("complete the tape's manifest with its archive date"),
  /** Ask the shelf for the tape. */
  RETRIEVE("ask the shelf to retrieve the tape"),
  /** Remove the purged volume from Bacula's catalog (before the tape goes). */
  REMOVE_FROM_CATALOG("remove the volume from Bacula's catalog"),
  /** Delete the tape at the gateway or on the shelf. */
  DELETE("delete the tape");

  private final String description;

  Step(String description) {
    this.description = description;
  }

  /** What the step does, for messages. */
  public String description() {
    return description;
  }
}
