package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.ARCHIVED;
import static io.tapeflow.workflows.lifecycle.TapeState.EJECTING;
import static io.tapeflow.workflows.lifecycle.TapeState.EXPIRING;
import static io.tapeflow.workflows.lifecycle.TapeState.FAILED;
import static io.tapeflow.workflows.lifecycle.TapeState.ONLINE_READ_ONLY;
import static io.tapeflow.workflows.lifecycle.TapeState.RETRIEVING;

import java.time.Instant;

/**
 * Operator requests against the lifecycle: first a {@link Verdict} (accept, already done, or reject
 * with a reason saying what to do), then, for an accepted one, the change. A rejected or duplicate
 * request never changes the record.
 */
public final class TapeRequests {
  private TapeRequests() {}

  // ---------------------------------------------------------------- archive

  /** May the tape go to the shelf now? */
  public static Verdict checkArchive(String barcode, TapeRecord r) {
    return unlessBusy(barcode, r, archiveVerdict(barcode, r));
  }

  private static Verdict archiveVerdict(String barcode, TapeRecord r) {
    String tape = "tape " + barcode;
    return switch (r.state()) {
      case FULL -> Verdict.accept(tape + " goes to the shelf");
      case ONLINE_READ_ONLY ->
          Verdict.accept("the retrieved copy of " + barcode + " goes back to the shelf");
      case EJECTING, IN_TRANSIT ->
          Verdict.already(tape + " is already on its way to the shelf (" + r.state() + ")");
      case ARCHIVED -> Verdict.already(tape + " is already on the shelf");
      case IN_USE -> Verdict.reject(inUse(tape, r));
      case SCRATCH ->
          Verdict.reject(
              tape
                  + " is still appendable"
                  + onVolume(r)
                  + ", so Bacula could try to write to it on the shelf: mark it Used first"
                  + " (bconsole: update volume="
                  + barcode
                  + " volstatus=Used), then retry");
      case REQUESTED, CREATING, IN_IE_SLOT, IMPORTING, IN_SLOT, LABELING ->
          r.readOnly()
              ? Verdict.reject(
                  tape
                      + " is being imported as a retrieved copy ("
                      + r.state()
                      + "); archive it once it is ONLINE_READ_ONLY")
              : Verdict.reject(
                  tape
                      + " is new ("
                      + r.state()
                      + ") and holds no backup yet; there is nothing to archive");
      case RETRIEVING, RETRIEVED_IN_IE ->
          Verdict.reject(
              tape
                  + " is being retrieved ("
                  + r.state()
                  + "); archive it once it is ONLINE_READ_ONLY");
      case EXPIRING, DELETED ->
          Verdict.reject(tape + " is " + r.state() + "; it cannot be archived");
      case FAILED, ADOPTED -> Verdict.reject(needsResume(tape, r));
    };
  }

  /** Sends an accepted archive request on: the tape starts ejecting. */
  public static TapeRecord archive(TapeRecord r, Instant now, String reason, String requestId) {
    return TransitionTable.returnToShelf(r, now, reason, requestId);
  }

  private static String inUse(String tape, TapeRecord r) {
    StringBuilder s = new StringBuilder(tape).append(" is in use by Bacula");
    if (r.location().kind() == Location.Kind.DRIVE) {
      s.append(" in ").append(r.location().describe());
    }
    VolumeStatus v = r.volume();
    if (v != null && v.jobId() != null) {
      s.append(" (job ").append(v.jobId()).append(')');
    }
    return s.append(
            ": archive it once the job has ended and Bacula has marked it Full or Used;"
                + " the robot never takes a tape out of a drive Bacula is using")
        .toString();
  }

  private static String onVolume(TapeRecord r) {
    return r.volume() == null ? "" : " (VolStatus " + r.volume().volStatus() + ")";
  }

  // ---------------------------------------------------------------- retrieve

  /** May the tape be retrieved from the shelf now? */
  public static Verdict checkRetrieve(String barcode, TapeRecord r) {
    return unlessBusy(barcode, r, retrieveVerdict(barcode, r));
  }

  private static Verdict retrieveVerdict(String barcode, TapeRecord r) {
    String tape = "tape " + barcode;
    return switch (r.state()) {
      case ARCHIVED -> Verdict.accept(tape + " is retrieved from the shelf");
      case RETRIEVING, RETRIEVED_IN_IE, ONLINE_READ_ONLY ->
          Verdict.already(
              tape
                  + " is already "
                  + (r.state() == ONLINE_READ_ONLY ? "online" : "being retrieved")
                  + " ("
                  + r.state()
                  + "); the request holds it too");
      case IMPORTING ->
          r.readOnly()
              ? Verdict.already(
                  tape + " is already being imported as a retrieved copy; the request holds it too")
              : Verdict.reject(
                  tape
                      + " is in the library ("
                      + r.location().describe()
                      + "); no retrieval is needed");
      case IN_IE_SLOT, IN_SLOT, LABELING, SCRATCH, IN_USE, FULL ->
          Verdict.reject(
              tape
                  + " is in the library ("
                  + r.location().describe()
                  + "); no retrieval is needed");
      case EJECTING, IN_TRANSIT ->
          Verdict.reject(
              tape
                  + " is on its way to the shelf ("
                  + r.state()
                  + "); retrieve it once it is ARCHIVED");
      case REQUESTED, CREATING -> Verdict.reject(tape + " does not exist yet (" + r.state() + ")");
      case EXPIRING, DELETED ->
          Verdict.reject(tape + " is " + r.state() + "; it cannot be retrieved");
      case FAILED, ADOPTED -> Verdict.reject(needsResume(tape, r));
    };
  }

  /**
   * Applies a retrieve request: an ARCHIVED tape starts retrieving; a copy already on its way or
   * online gets one more hold (started at once if the copy is online).
   */
  public static TapeRecord retrieve(
      TapeRecord r, Instant now, Hold hold, String reason, String requestId) {
    TapeRecord.Builder b;
    if (r.state() == ARCHIVED) {
      b = TransitionTable.enter(r, RETRIEVING, now, reason, requestId).toBuilder();
      b.readOnly = true;
      b.location = Location.transit();
      b.holds.clear();
    } else {
      b = r.toBuilder();
    }
    b.holds.removeIf(h -> h.requestId().equals(hold.requestId()));
    b.holds.add(r.state() == ONLINE_READ_ONLY ? hold.startedAt(now) : hold);
    return b.build();
  }

  /**
   * Drops the hold of {@code requestId}. A copy that is online with no hold left goes back to the
   * shelf. Unknown request ids change nothing.
   */
  public static TapeRecord release(TapeRecord r, Instant now, String requestId) {
    if (r.holds().stream().noneMatch(h -> h.requestId().equals(requestId))) {
      return r;
    }
    TapeRecord.Builder b = r.toBuilder();
    b.holds.removeIf(h -> h.requestId().equals(requestId));
    TapeRecord next = b.build();
    if (next.state() == ONLINE_READ_ONLY && next.holds().isEmpty()) {
      return TransitionTable.returnToShelf(next, now, "released by " + requestId, requestId);
    }
    return next;
  }

  // ---------------------------------------------------------------- expire

  /**
   * May the tape be considered for deletion? Only an ARCHIVED tape may; whether it is deleted then
   * depends on {@link ExpiryRules} with fresh facts.
   */
  public static Verdict checkExpire(String barcode, TapeRecord r) {
    return unlessBusy(barcode, r, expireVerdict(barcode, r));
  }

  private static Verdict expireVerdict(String barcode, TapeRecord r) {
    String tape = "tape " + barcode;
    return switch (r.state()) {
      case ARCHIVED -> Verdict.accept(tape + " is considered for deletion");
      case EXPIRING, DELETED -> Verdict.already(tape + " is already " + r.state());
      case ONLINE_READ_ONLY, RETRIEVING, RETRIEVED_IN_IE ->
          Verdict.reject(
              tape
                  + " has a retrieved copy online ("
                  + r.state()
                  + "); archive it back to the shelf first");
      case FAILED, ADOPTED -> Verdict.reject(needsResume(tape, r));
      default ->
          Verdict.reject(
              tape + " is " + r.state() + "; only a tape on the shelf (ARCHIVED) can expire");
    };
  }

  /** Starts the deletion of a tape whose expiry rules all hold. */
  public static TapeRecord expire(TapeRecord r, Instant now, String reason, String requestId) {
    if (r.state() != ARCHIVED) {
      throw new IllegalTransitionException("expire needs an ARCHIVED tape, not " + r.state());
    }
    return TransitionTable.enter(r, EXPIRING, now, reason, requestId);
  }

  // ---------------------------------------------------------------- resume

  /** May a FAILED or ADOPTED tape resume? See {@link ResumeRequests#check}. */
  public static Verdict checkResume(String barcode, TapeRecord r, TapeState target) {
    return ResumeRequests.check(barcode, r, target);
  }

  /** Resumes the tape; see {@link ResumeRequests#resume}. */
  public static TapeRecord resume(
      TapeRecord r,
      Instant now,
      TapeState target,
      Location location,
      String reason,
      String requestId) {
    return ResumeRequests.resume(r, now, target, location, reason, requestId);
  }

  /**
   * A request that would change the state waits until the current step is done: the step's outcome
   * must land in the state it was started for.
   */
  private static Verdict unlessBusy(String barcode, TapeRecord r, Verdict v) {
    Step step = TapeLifecycle.nextStep(r);
    if (!v.accepted() || step == null) {
      return v;
    }
    return Verdict.reject(
        "tape " + barcode + " is busy (" + step.description() + "); retry when that is done");
  }

  private static String needsResume(String tape, TapeRecord r) {
    if (r.state() == FAILED) {
      return tape
          + " is FAILED ("
          + (r.failure() == null ? "no reason recorded" : r.failure().describe())
          + "): fix the cause and resume it first";
    }
    return tape + " was adopted and its state is not settled: resume it with a state first";
  }
}
