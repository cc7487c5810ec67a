package io.tapeflow.workflows.lifecycle;

/**
 * The states of a tape's life, tapeflow's own (distinct from the gateway's status strings and from
 * Bacula's VolStatus).
 *
 * <pre>
 * REQUESTED → CREATING → IN_IE_SLOT → IMPORTING → IN_SLOT → LABELING → SCRATCH ⇄ IN_USE → FULL
 *   → EJECTING → IN_TRANSIT → ARCHIVED → RETRIEVING → RETRIEVED_IN_IE → IMPORTING
 *   → ONLINE_READ_ONLY → EJECTING → ARCHIVED … → EXPIRING → DELETED
 * </pre>
 *
 * plus {@link #FAILED} (an operator resumes it) and {@link #ADOPTED} (found by reconciliation).
 */
public enum TapeState {
  /** tapeflow is to create the tape at the gateway. */
  REQUESTED,
  /** The gateway is creating the tape. */
  CREATING,
  /** The tape waits in an import/export slot. */
  IN_IE_SLOT,
  /**
   * The robot moves the tape from an I/E slot into a storage slot (and, for a retrieved copy,
   * Bacula marks it Read-Only).
   */
  IMPORTING,
  /** The tape sits in a storage slot, not yet labelled. */
  IN_SLOT,
  /** Bacula labels the tape with its barcode. */
  LABELING,
  /** Labelled and appendable; no job is using it. */
  SCRATCH,
  /** A Bacula job has it in a drive. */
  IN_USE,
  /** Bacula will not append to it any more (Full or Used): ready for the shelf. */
  FULL,
  /** The robot moves it to an I/E slot, which sends it to the shelf. */
  EJECTING,
  /** The gateway uploads and archives it (IN TRANSIT TO VTS, ARCHIVING). */
  IN_TRANSIT,
  /** On the shelf (Virtual Tape Shelf). */
  ARCHIVED,
  /** The shelf is bringing a read-only copy back to the gateway. */
  RETRIEVING,
  /** The retrieved read-only copy waits in an I/E slot. */
  RETRIEVED_IN_IE,
  /** The retrieved copy is in the library, Read-Only in Bacula, available to restores. */
  ONLINE_READ_ONLY,
  /** tapeflow is deleting the tape (all deletion rules hold). */
  EXPIRING,
  /** Gone for good: the barcode can never be used again. */
  DELETED,
  /** A step failed in a way a retry cannot fix; an operator resumes it. */
  FAILED,
  /** Found by reconciliation; tapeflow places it in the lifecycle once the facts say where. */
  ADOPTED;

  /** Whether nothing follows this state. */
  public boolean terminal() {
    return this == DELETED;
  }
}
