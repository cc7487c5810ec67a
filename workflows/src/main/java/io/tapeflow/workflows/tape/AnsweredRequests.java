package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.IllegalTransitionException;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.Verdict;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tape's operator requests, validated and answered once: a request sent again (a client's
 * retry) gets the same answer and changes nothing. The last answers are carried across
 * continue-as-new.
 */
final class AnsweredRequests {
  /** How many answered requests are remembered. */
  static final int REMEMBERED = 16;

  private final List<RequestResult> answered = new ArrayList<>();
  private final Supplier<TapeRecord> record;
  private final Consumer<TapeRecord> change;

  /**
   * @param record the tape's record now (null until the run has it)
   * @param change applies a new record
   */
  AnsweredRequests(Supplier<TapeRecord> record, Consumer<TapeRecord> change) {
    this.record = record;
    this.change = change;
  }

  /** Takes over the answers of the run before. */
  void carry(List<RequestResult> carried) {
    answered.addAll(carried);
  }

  /**
   * Rejects a request from the update's validator unless it was answered before. SDK 1.38 drops the
   * type of an {@code ApplicationFailure} thrown by a validator (sdk-java #2875, fixed in a later
   * release), so validators throw {@link IllegalTransitionException}, whose class name then reaches
   * the client as the failure type; see {@link TapeWorkflows#isRejection}.
   */
  void validate(String requestId, Supplier<Verdict> check) {
    if (record.get() == null) {
      throw new IllegalTransitionException("the tape's workflow is starting; retry in a moment");
    }
    if (answerTo(requestId) == null) {
      Verdict v = check.get();
      if (v.rejected()) {
        throw new IllegalTransitionException(v.reason());
      }
    }
  }

  /**
   * Answers a request once: the earlier answer to the same id, else the verdict, with the change
   * {@code apply} makes for a verdict that is not a rejection (null for none).
   */
  RequestResult handle(
      String requestId, Supplier<Verdict> check, Function<Verdict, TapeRecord> apply) {
    RequestResult earlier = answerTo(requestId);
    if (earlier != null) {
      return earlier;
    }
    Verdict v = rejectIf(check.get());
    TapeRecord next = apply.apply(v);
    if (next != null) {
      change.accept(next);
    }
    return remember(requestId, v);
  }

  /** The answer already given to {@code requestId}, or null. */
  RequestResult answerTo(String requestId) {
    for (RequestResult r : answered) {
      if (r.requestId().equals(requestId)) {
        return r;
      }
    }
    return null;
  }

  RequestResult remember(String requestId, Verdict v) {
    RequestResult r = new RequestResult(requestId, v.accepted(), record.get().state(), v.reason());
    answered.add(r);
    while (answered.size() > REMEMBERED) {
      answered.remove(0);
    }
    return r;
  }

  List<RequestResult> all() {
    return answered;
  }

  /** A rejection as the update's failure; other verdicts pass. */
  static Verdict rejectIf(Verdict v) {
    if (v.rejected()) {
      throw ApplicationFailure.newNonRetryableFailure(v.reason(), Failures.ILLEGAL_TRANSITION);
    }
    return v;
  }
}
