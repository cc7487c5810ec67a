package io.tapeflow.workflows.manifest;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.lifecycle.TapeState;
import java.time.Instant;
import java.util.Objects;

/**
 * One transition of one tape, as written to the append-only audit trail.
 *
 * @param barcode the tape
 * @param seq the tape's transition number (unique per tape)
 * @param from the state left
 * @param to the state entered
 * @param at when
 * @param reason why
 * @param requestId the request behind it, or null
 * @param workflowId the tape's workflow
 * @param runId the workflow run that made the change
 */
public record AuditRecord(
    Barcode barcode,
    int seq,
    TapeState from,
    TapeState to,
    Instant at,
    String reason,
    String requestId,
    String workflowId,
    String runId) {
  public AuditRecord {
    Objects.requireNonNull(barcode, "barcode");
    if (seq < 1) {
      throw new IllegalArgumentException("audit sequence numbers start at 1, got " + seq);
    }
  }
}
