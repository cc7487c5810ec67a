package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import java.util.Objects;

/**
 * Set a volume's VolStatus.
 *
 * @param director the director's configured name
 * @param storage the autochanger's Storage resource, for {@code update slots}
 * @param volume the volume name (the barcode)
 * @param volStatus one of the statuses {@code update volume} accepts
 * @param refreshSlots whether to run {@code update slots} first (after a robot move)
 * @param drive the drive index for {@code update slots}
 * @param requestId names this request; the same id on a retry
 */
public record SetVolumeStatusRequest(
    String director,
    String storage,
    Barcode volume,
    String volStatus,
    boolean refreshSlots,
    int drive,
    String requestId) {
  public SetVolumeStatusRequest {
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    Objects.requireNonNull(volume, "volume");
    if (!VolStatuses.SETTABLE.contains(VolStatuses.canonical(volStatus))) {
      throw new IllegalArgumentException(
          "VolStatus '"
              + volStatus
              + "' cannot be set with update volume; use one of "
              + VolStatuses.SETTABLE);
    }
    Objects.requireNonNull(requestId, "requestId");
  }
}
