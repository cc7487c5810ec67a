package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.Transition;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Words for people: what a tape waits for, and the current details shown in the Temporal UI. */
final class TapeDetails {
  private TapeDetails() {}

  /** What the tape waits for, in one line. */
  static String waitingFor(TapeIdentity tape, TapeRecord r) {
    Step step = TapeLifecycle.nextStep(r);
    if (step != null) {
      return step.description() + " (" + queueOf(tape, step) + ")";
    }
    return switch (TapeLifecycle.waitingFor(r)) {
      case GATEWAY_CREATED -> "the gateway to report the new tape AVAILABLE";
      case GATEWAY_ARCHIVED ->
          "the gateway to upload and archive it"
              + (r.gateway() == null ? "" : " (gateway says " + r.gateway().status() + ")");
      case GATEWAY_RETRIEVED ->
          r.storageClass() == null
              ? "the shelf to return a read-only copy: "
                  + StorageClass.GLACIER.retrievalTime()
                  + " from GLACIER, "
                  + StorageClass.DEEP_ARCHIVE.retrievalTime()
                  + " from DEEP_ARCHIVE"
              : "the shelf to return a read-only copy: "
                  + r.storageClass().retrievalTime()
                  + " from "
                  + r.storageClass();
      case BACULA ->
          r.state() == io.tapeflow.workflows.lifecycle.TapeState.IN_USE
              ? "the Bacula job using it to end"
              : "Bacula to write to it";
      case HOLD -> {
        Instant end = TapeLifecycle.holdsEnd(r);
        yield "restores: it goes back to the shelf "
            + (end == null ? "when released" : "at " + end + " or when released")
            + " ("
            + r.holds().size()
            + (r.holds().size() == 1 ? " hold)" : " holds)");
      }
      case REQUEST ->
          switch (r.state()) {
            case FULL -> "an archive request (tapeflow archive " + tape.barcode() + ")";
            case ARCHIVED -> "a retrieve or expire request";
            default -> "an archive request to send it back to the shelf";
          };
      case OPERATOR ->
          r.failure() != null
              ? "an operator: "
                  + r.failure().describe()
                  + "; then `tapeflow resume "
                  + tape.barcode()
                  + "`"
              : "an operator to resume it with the state it is in";
      case END -> "nothing: the tape is deleted";
      case NOTHING -> "its next step";
    };
  }

  /** The task queue a step runs on, for the operator who wonders why it waits. */
  static String queueOf(TapeIdentity tape, Step step) {
    return switch (step) {
      case IMPORT, EXPORT -> "changer/" + tape.library();
      case MARK_READ_ONLY, LABEL, FREE_DRIVE, SYNC_BACULA, REMOVE_FROM_CATALOG ->
          "bacula/" + tape.director();
      case CREATE, RETRIEVE, DELETE, RECORD_MANIFEST -> "tapeflow";
    };
  }

  /** The Temporal UI's current details (Markdown). */
  static String markdown(TapeIdentity tape, TapeRecord r) {
    StringBuilder s = new StringBuilder();
    s.append("**")
        .append(r.state())
        .append("** · ")
        .append(r.location().describe())
        .append(r.readOnly() ? " · read-only copy" : "")
        .append("\n\nWaiting for: ")
        .append(waitingFor(tape, r))
        .append("\n\nGateway ")
        .append(tape.gatewayName())
        .append(r.gateway() == null ? "" : " says " + r.gateway().status())
        .append(" · pool ")
        .append(tape.awsPool())
        .append(" · Bacula ")
        .append(tape.director())
        .append('/')
        .append(tape.baculaPool())
        .append(r.volume() == null ? "" : " says " + r.volume().volStatus());
    for (Hold h : r.holds()) {
      s.append("\n\nHeld by ").append(h.requestId());
      if (h.until() != null) {
        s.append(" until ").append(h.until());
      }
    }
    Transition t = r.lastTransition();
    if (t != null) {
      s.append("\n\nLast change: ")
          .append(t.from())
          .append(" → ")
          .append(t.to())
          .append(" at ")
          .append(t.at())
          .append(": ")
          .append(t.reason());
    }
    return s.toString();
  }

  /** The answer to the {@code snapshot} query. */
  static TapeSnapshot snapshot(TapeIdentity tape, TapeRecord record) {
    return new TapeSnapshot(
        tape.barcode().value(),
        record.state(),
        record.location().describe(),
        waitingFor(tape, record),
        record.failure() == null ? null : record.failure().describe(),
        record,
        Workflow.getInfo().getHistoryLength());
  }
}
