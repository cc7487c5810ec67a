package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.TapeRecord;
import java.util.List;
import java.util.Objects;

/**
 * A tape workflow's input: at the start, and again at each continue-as-new (then it carries the
 * record and the answers to recent requests, so a repeated request stays harmless).
 *
 * @param tape what the tape is
 * @param policy how it is treated
 * @param record its lifecycle state
 * @param answered the latest answered requests, oldest first
 */
public record TapeInput(
    TapeIdentity tape, TapePolicy policy, TapeRecord record, List<RequestResult> answered) {

  public TapeInput {
    Objects.requireNonNull(tape, "tape");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(record, "record");
    answered = answered == null ? List.of() : List.copyOf(answered);
  }

  /** A tape to create. */
  public static TapeInput of(TapeIdentity tape, TapePolicy policy, TapeRecord record) {
    return new TapeInput(tape, policy, record, List.of());
  }
}
