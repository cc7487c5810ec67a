package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.TapeState.EXPIRING;
import static io.tapeflow.workflows.lifecycle.TapeState.FAILED;

import java.time.Instant;

/** An operator resumes a FAILED or ADOPTED tape, in the state it failed in or one named. */
final class ResumeRequests {
  private ResumeRequests() {}

  /**
   * May a FAILED or ADOPTED tape resume?
   *
   * @param target the state the operator says the tape is in, or null to retry where it failed
   */
  static Verdict check(String barcode, TapeRecord r, TapeState target) {
    String tape = "tape " + barcode;
    if (r.state() != FAILED && r.state() != TapeState.ADOPTED) {
      return target == null
          ? Verdict.already(tape + " is " + r.state() + ", not FAILED; nothing to resume")
          : Verdict.reject(
              tape + " is " + r.state() + ", not FAILED; only a FAILED or ADOPTED tape is resumed");
    }
    if (target == FAILED || target == TapeState.ADOPTED) {
      return Verdict.reject("a tape cannot be resumed into " + target);
    }
    if (target == null) {
      if (r.state() == TapeState.ADOPTED) {
        return Verdict.reject(
            "tapeflow cannot tell where adopted "
                + tape
                + " belongs (gateway: "
                + (r.gateway() == null ? "unknown" : r.gateway().status())
                + ", Bacula: "
                + (r.volume() == null ? "unknown" : r.volume().volStatus())
                + "): resume it with the state it is in");
      }
      return Verdict.accept(tape + " resumes in " + r.failedIn());
    }
    if (!TapeLifecycle.allowed(r.state(), target)) {
      return Verdict.reject(tape + " cannot resume in " + target);
    }
    if (target == EXPIRING && r.failedIn() != EXPIRING) {
      // Deletion is only ever started by an expire request whose rules all held.
      return Verdict.reject(
          "resuming "
              + tape
              + " into EXPIRING would delete it without checking the expiry rules: resume it into"
              + " ARCHIVED and send an expire request");
    }
    return Verdict.accept(tape + " resumes in " + target);
  }

  /**
   * Resumes a FAILED or ADOPTED tape.
   *
   * @param target the state, or null for the state it failed in
   * @param location where the operator says the tape is, or null to keep what is known
   */
  static TapeRecord resume(
      TapeRecord r,
      Instant now,
      TapeState target,
      Location location,
      String reason,
      String requestId) {
    TapeState to = target != null ? target : r.failedIn();
    TapeRecord.Builder b = TransitionTable.enter(r, to, now, reason, requestId).toBuilder();
    if (location != null) {
      b.location = location;
    }
    if (target != null) {
      // The operator says where the tape is now: facts from before the resume are stale.
      b.gate = now;
    }
    if (r.labeledAt() == null && target != null) {
      b.labeledAt = Instant.EPOCH;
    }
    return b.build();
  }
}
