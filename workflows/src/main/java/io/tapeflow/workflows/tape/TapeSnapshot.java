package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;

/**
 * A tape as its workflow sees it right now: the answer of the {@code snapshot} query.
 *
 * @param barcode the tape
 * @param state its state
 * @param location where it is, in words
 * @param waitingFor what it waits for, in words
 * @param failure why it FAILED, or null
 * @param record the whole lifecycle record (facts, holds, recent transitions)
 * @param historyLength the current run's history length, in events
 */
public record TapeSnapshot(
    String barcode,
    TapeState state,
    String location,
    String waitingFor,
    String failure,
    TapeRecord record,
    long historyLength) {}
