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

  /** A builder starting from the {@link #defaults()}. */
  public static Builder newBuilder() {
    return defaults().toBuilder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.retention = retention;
    b.allowEarlyDeletion = allowEarlyDeletion;
    b.bypassGovernance = bypassGovernance;
    b.holdAfterRetrieve = holdAfterRetrieve;
    b.removeFromCatalog = removeFromCatalog;
    b.createGrace = createGrace;
    b.archiveGrace = archiveGrace;
    b.retrieveGraceGlacier = retrieveGraceGlacier;
    b.retrieveGraceDeepArchive = retrieveGraceDeepArchive;
    b.statusPollInterval = statusPollInterval;
    b.statusPollGiveUp = statusPollGiveUp;
    b.historyBudget = historyBudget;
    b.hostPickup = hostPickup;
    return b;
  }

  /** Builds a {@link TapePolicy}; {@link #build} validates it. */
  public static final class Builder {
    private Duration retention;
    private boolean allowEarlyDeletion;
    private boolean bypassGovernance;
    private Duration holdAfterRetrieve;
    private boolean removeFromCatalog;
    private Duration createGrace;
    private Duration archiveGrace;
    private Duration retrieveGraceGlacier;
    private Duration retrieveGraceDeepArchive;
    private Duration statusPollInterval;
    private Duration statusPollGiveUp;
    private int historyBudget;
    private Duration hostPickup;

    private Builder() {}

    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    public Builder allowEarlyDeletion(boolean allowEarlyDeletion) {
      this.allowEarlyDeletion = allowEarlyDeletion;
      return this;
    }

    public Builder bypassGovernance(boolean bypassGovernance) {
      this.bypassGovernance = bypassGovernance;
      return this;
    }

    public Builder holdAfterRetrieve(Duration holdAfterRetrieve) {
      this.holdAfterRetrieve = holdAfterRetrieve;
      return this;
    }

    public Builder removeFromCatalog(boolean removeFromCatalog) {
      this.removeFromCatalog = removeFromCatalog;
      return this;
    }

    public Builder createGrace(Duration createGrace) {
      this.createGrace = createGrace;
      return this;
    }

    public Builder archiveGrace(Duration archiveGrace) {
      this.archiveGrace = archiveGrace;
      return this;
    }

    public Builder retrieveGraceGlacier(Duration retrieveGraceGlacier) {
      this.retrieveGraceGlacier = retrieveGraceGlacier;
      return this;
    }

    public Builder retrieveGraceDeepArchive(Duration retrieveGraceDeepArchive) {
      this.retrieveGraceDeepArchive = retrieveGraceDeepArchive;
      return this;
    }

    public Builder statusPollInterval(Duration statusPollInterval) {
      this.statusPollInterval = statusPollInterval;
      return this;
    }

    public Builder statusPollGiveUp(Duration statusPollGiveUp) {
      this.statusPollGiveUp = statusPollGiveUp;
      return this;
    }

    public Builder historyBudget(int historyBudget) {
      this.historyBudget = historyBudget;
      return this;
    }

    public Builder hostPickup(Duration hostPickup) {
      this.hostPickup = hostPickup;
      return this;
    }

    /** Shorter waits for tests and demos against the emulator: every grace, and the poll. */
    public Builder waits(Duration grace, Duration pollInterval) {
      createGrace = grace;
      archiveGrace = grace;
      retrieveGraceGlacier = grace;
      retrieveGraceDeepArchive = grace;
      statusPollInterval = pollInterval;
      return this;
    }

    public TapePolicy build() {
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
  }
}
