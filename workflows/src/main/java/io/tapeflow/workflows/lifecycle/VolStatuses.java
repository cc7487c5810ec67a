package io.tapeflow.workflows.lifecycle;

import java.util.Set;

/** Bacula's VolStatus values (Bacula 9.6). */
public final class VolStatuses {
  private VolStatuses() {}

  public static final String APPEND = "Append";
  public static final String FULL = "Full";
  public static final String USED = "Used";
  public static final String RECYCLE = "Recycle";
  public static final String PURGED = "Purged";
  public static final String ERROR = "Error";
  public static final String ARCHIVE = "Archive";
  public static final String READ_ONLY = "Read-Only";
  public static final String DISABLED = "Disabled";
  public static final String BUSY = "Busy";
  public static final String CLEANING = "Cleaning";

  /**
   * Statuses {@code update volume=… volstatus=…} accepts; a prior status is restored only if here.
   */
  public static final Set<String> SETTABLE =
      Set.of(APPEND, FULL, USED, RECYCLE, ERROR, ARCHIVE, READ_ONLY, DISABLED, CLEANING);

  /** The canonical spelling of a status, matching case-insensitively; the input if unknown. */
  public static String canonical(String status) {
    for (String s :
        new String[] {
          APPEND, FULL, USED, RECYCLE, PURGED, ERROR, ARCHIVE, READ_ONLY, DISABLED, BUSY, CLEANING
        }) {
      if (s.equalsIgnoreCase(status)) {
        return s;
      }
    }
    return status;
  }
}
