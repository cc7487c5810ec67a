package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.TapeSnapshot;
import java.time.Instant;

/**
 * One tape as the operator commands show it.
 *
 * @param barcode the tape
 * @param state its state
 * @param location where it is, in words ({@code slot 1001}, {@code shelf})
 * @param pool its AWS pool, the {@code TapePool} search attribute (GLACIER, DEEP_ARCHIVE or a
 *     custom pool's ARN)
 * @param gateway its gateway's name
 * @param volStatus Bacula's VolStatus as last reported, or null
 * @param since when it entered its state
 * @param snapshot the tape's own answer to the {@code snapshot} query
 */
record TapeRow(
    String barcode,
    TapeState state,
    String location,
    String pool,
    String gateway,
    String volStatus,
    Instant since,
    TapeSnapshot snapshot) {

  static TapeRow of(TapeSnapshot s, String pool, String gateway) {
    return new TapeRow(
        s.barcode(),
        s.state(),
        s.location(),
        pool,
        gateway,
        s.record().volume() == null ? null : s.record().volume().volStatus(),
        s.record().since(),
        s);
  }
}
