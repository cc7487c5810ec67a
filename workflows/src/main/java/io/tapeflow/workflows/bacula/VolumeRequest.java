package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import java.util.Objects;

/**
 * Ask about, or act on, one volume.
 *
 * @param director the director's configured name
 * @param volume the volume name (the barcode)
 * @param requestId names a side-effecting request, or null for a read
 */
public record VolumeRequest(String director, Barcode volume, String requestId) {
  public VolumeRequest {
    TaskQueues.requireName("director", director);
    Objects.requireNonNull(volume, "volume");
  }
}
