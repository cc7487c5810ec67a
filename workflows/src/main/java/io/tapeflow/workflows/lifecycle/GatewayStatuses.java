package io.tapeflow.workflows.lifecycle;

import java.util.Set;

/** The gateway's tape status strings (VTL and shelf), spelled as AWS spells them. */
public final class GatewayStatuses {
  private GatewayStatuses() {}

  public static final String CREATING = "CREATING";
  public static final String AVAILABLE = "AVAILABLE";
  public static final String IN_TRANSIT_TO_VTS = "IN TRANSIT TO VTS";
  public static final String ARCHIVING = "ARCHIVING";
  public static final String ARCHIVED = "ARCHIVED";
  public static final String RETRIEVING = "RETRIEVING";
  public static final String RETRIEVED = "RETRIEVED";
  public static final String DELETING = "DELETING";
  public static final String DELETED = "DELETED";
  public static final String IRRECOVERABLE = "IRRECOVERABLE";
  public static final String RECOVERED = "RECOVERED";

  /**
   * Statuses that only report progress between two that matter to the lifecycle: the watcher tracks
   * them (they make it poll fast) but does not signal them, which keeps tape histories short.
   */
  public static final Set<String> PROGRESS =
      Set.of(CREATING, IN_TRANSIT_TO_VTS, ARCHIVING, RETRIEVING, DELETING);

  /** Statuses that change by themselves soon: a watcher polls fast while a tape has one. */
  public static final Set<String> MOVING =
      Set.of(CREATING, IN_TRANSIT_TO_VTS, ARCHIVING, RETRIEVING, DELETING);
}
