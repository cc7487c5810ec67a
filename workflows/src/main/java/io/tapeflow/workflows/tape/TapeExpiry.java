package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.lifecycle.ExpiryRules;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.time.Instant;

/**
 * Gathers the facts of the deletion rules for an expire request (Bacula's volume and the gateway's
 * tape, asked at once) and evaluates them. A fact that cannot be had refuses the request.
 */
final class TapeExpiry {
  private TapeExpiry() {}

  static ExpiryRules.Verdict evaluate(
      TapeIdentity tape,
      TapePolicy policy,
      TapeRecord record,
      TapeSteps steps,
      boolean dryRun,
      Instant now) {
    Promise<VolumeInfo> volume =
        Async.function(
            steps.bacula()::volumeInfo, new VolumeRequest(tape.director(), tape.barcode(), null));
    Promise<TapeInfo> shelf =
        Async.function(
            steps.gateway()::describeTape, new TapeRequest(tape.gatewayArn(), tape.barcode()));
    String volStatus;
    try {
      volStatus = volume.get().volStatus();
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure a
          && Failures.VOLUME_NOT_FOUND.equals(a.getType())) {
        volStatus = null;
      } else {
        throw refused(tape, "Bacula", steps, f);
      }
    }
    TapeInfo info;
    try {
      info = shelf.get();
    } catch (ActivityFailure f) {
      throw refused(tape, "the gateway", steps, f);
    }
    return ExpiryRules.evaluate(
        new ExpiryRules.Facts(
            tape.barcode().value(),
            volStatus,
            record.lastWrittenAt(),
            policy.retention(),
            record.archivedAt() != null ? record.archivedAt() : info.archivedAt(),
            record.storageClass() != null ? record.storageClass() : steps.storageClass(info),
            policy.allowEarlyDeletion(),
            info.lockType(),
            info.lockUntil(),
            policy.bypassGovernance(),
            dryRun,
            now));
  }

  /** Refuses the deletion with the rules that do not hold. */
  static void requireAllowed(TapeIdentity tape, ExpiryRules.Verdict rules) {
    if (!rules.allowed()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "tape " + tape.barcode() + " is not deleted: " + rules.summary(),
          Failures.ILLEGAL_TRANSITION);
    }
  }

  private static ApplicationFailure refused(
      TapeIdentity tape, String who, TapeSteps steps, ActivityFailure f) {
    return ApplicationFailure.newNonRetryableFailure(
        "tape "
            + tape.barcode()
            + " is not deleted: "
            + who
            + " could not be asked about it ("
            + steps.failureOf(Step.DELETE, f).describe()
            + ")",
        Failures.ILLEGAL_TRANSITION);
  }
}
