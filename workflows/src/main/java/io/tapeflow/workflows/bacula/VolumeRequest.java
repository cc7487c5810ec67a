package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.TaskQueues;

/**
 * Ask about, or act on, one volume.
 *
 * @param director the director's configured name
 * @param volume the volume name (the barcode)
 * @param requestId names a side-effecting request, or null for a read
 */
public record VolumeRequest(String director, String volume, String requestId) {
  public VolumeRequest {
    TaskQueues.requireName("director", director);
    Barcodes.require(volume);
  }
}
