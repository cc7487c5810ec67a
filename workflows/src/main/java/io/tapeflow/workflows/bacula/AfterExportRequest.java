package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import java.util.Objects;

/**
 * Bring Bacula's catalog up to date after a tape left the library.
 *
 * @param director the director's configured name
 * @param storage the autochanger's Storage resource
 * @param drive the drive index for {@code update slots}
 * @param volume the volume that left (the barcode)
 * @param restoreVolStatus the VolStatus to set again (a retrieved copy going back), or null
 * @param requestId names this request; the same id on a retry
 */
public record AfterExportRequest(
    String director,
    String storage,
    int drive,
    Barcode volume,
    String restoreVolStatus,
    String requestId) {
  public AfterExportRequest {
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    Objects.requireNonNull(volume, "volume");
    if (restoreVolStatus != null
        && !VolStatuses.SETTABLE.contains(VolStatuses.canonical(restoreVolStatus))) {
      throw new IllegalArgumentException(
          "VolStatus '" + restoreVolStatus + "' cannot be set with update volume");
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
