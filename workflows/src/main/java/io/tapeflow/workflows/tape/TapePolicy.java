package io.tapeflow.workflows.tape;

import java.time.Duration;
import java.util.Objects;

/**
 * How tapeflow treats a tape: retention and deletion rules, how long a retrieved copy stays online,
 * how long to trust the gateway watcher before polling the tape itself.
 *
 * @param retention the pool's retention counted from the last write, or null to rely on Bacula's
 * @param allowEarlyDeletion whether to accept AWS's charge for deleting before the minimum storage
 *     duration
 * @param bypassGovernance whether a governance retention lock may be bypassed
 * @param holdAfterRetrieve how long a retrieved copy stays online unless a request says otherwise
 * @param removeFromCatalog whether a deleted tape's volume is removed from Bacula's catalog
 * @param createGrace how long to wait for the watcher's AVAILABLE before polling the tape itself
 * @param archiveGrace the same for ARCHIVED after an export
 * @param retrieveGraceGlacier the same for RETRIEVED from Glacier Flexible Retrieval (3 to 5 h)
 * @param retrieveGraceDeepArchive the same from Deep Archive (within 12 h)
 * @param statusPollInterval the tape's own poll interval once the grace has passed
 * @param statusPollGiveUp how long the tape's own poll may run before the tape fails
 * @param historyBudget continue as new after this many history events; 0 = when the server suggests
 *     it
 */
public record TapePolicy(
    Duration retention,
    boolean allowEarlyDeletion,
    boolean bypassGovernance,
    Duration holdAfterRetrieve,
    boolean removeFromCatalog,
    Duration createGrace,
    Duration archiveGrace,
    Duration retrieveGraceGlacier,
    Duration retrieveGraceDeepArchive,
    Duration statusPollInterval,
    Duration statusPollGiveUp,
    int historyBudget,
    Duration hostPickup) {

  public TapePolicy {
    // Added after the first release: inputs recorded before it have none.
    hostPickup = hostPickup == null ? Duration.ofMinutes(5) : hostPickup;
    positive("holdAfterRetrieve", holdAfterRetrieve);
    positive("createGrace", createGrace);
    positive("archiveGrace", archiveGrace);
    positive("retrieveGraceGlacier", retrieveGraceGlacier);
    positive("retrieveGraceDeepArchive", retrieveGraceDeepArchive);
    positive("statusPollInterval", statusPollInterval);
    positive("statusPollGiveUp", statusPollGiveUp);
    positive("hostPickup", hostPickup);
    if (retention != null && retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative, got " + retention);
    }
    if (historyBudget < 0) {
      throw new IllegalArgumentException("historyBudget must be 0 or more, got " + historyBudget);
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /** The defaults: no tapeflow retention, AWS minimums respected, a day online after retrieval. */
  public static TapePolicy defaults() {
    return new TapePolicy(
        null,
        false,
        false,
        Duration.ofHours(24),
        true,
        Duration.ofMinutes(30),
        Duration.ofHours(24),
        Duration.ofHours(8),
        Duration.ofHours(18),
        Duration.ofMinutes(15),
        Duration.ofDays(3),
        0,
        Duration.ofMinutes(5));
  }

  public TapePolicy withRetention(Duration retention) {
    return new TapePolicy(
        retention,
        allowEarlyDeletion,
        bypassGovernance,
        holdAfterRetrieve,
        removeFromCatalog,
        createGrace,
        archiveGrace,
        retrieveGraceGlacier,
        retrieveGraceDeepArchive,
        statusPollInterval,
        statusPollGiveUp,
        historyBudget,
        hostPickup);
  }

  public TapePolicy withAllowEarlyDeletion(boolean allowEarlyDeletion) {
    return new TapePolicy(
        retention,
        allowEarlyDeletion,
        bypassGovernance,
        holdAfterRetrieve,
        removeFromCatalog,
        createGrace,
        archiveGrace,
        retrieveGraceGlacier,
        retrieveGraceDeepArchive,
        statusPollInterval,
        statusPollGiveUp,
        historyBudget,
        hostPickup);
  }

  public TapePolicy withHistoryBudget(int historyBudget) {
    return new TapePolicy(
        retention,
        allowEarlyDeletion,
        bypassGovernance,
        holdAfterRetrieve,
        removeFromCatalog,
        createGrace,
        archiveGrace,
        retrieveGraceGlacier,
        retrieveGraceDeepArchive,
        statusPollInterval,
        statusPollGiveUp,
        historyBudget,
        hostPickup);
  }

  public TapePolicy withHostPickup(Duration hostPickup) {
    return new TapePolicy(
        retention,
        allowEarlyDeletion,
        bypassGovernance,
        holdAfterRetrieve,
        removeFromCatalog,
        createGrace,
        archiveGrace,
        retrieveGraceGlacier,
        retrieveGraceDeepArchive,
        statusPollInterval,
        statusPollGiveUp,
        historyBudget,
        hostPickup);
  }

  /** Shorter waits for tests and demos against the emulator. */
  public TapePolicy withWaits(Duration grace, Duration pollInterval) {
    return new TapePolicy(
        retention,
        allowEarlyDeletion,
        bypassGovernance,
        holdAfterRetrieve,
        removeFromCatalog,
        grace,
        grace,
        grace,
        grace,
        pollInterval,
        statusPollGiveUp,
        historyBudget,
        hostPickup);
  }
}
