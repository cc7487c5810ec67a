package io.tapeflow.workflows.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When an archived tape may be deleted (DESIGN invariant 4): Bacula has purged the volume, the
 * pool's retention has passed, AWS's minimum storage duration has passed (90 days in Glacier
 * Flexible Retrieval, 180 in Deep Archive) unless the policy accepts the early-deletion charge, no
 * retention lock forbids it, and it is not a dry run.
 */
public final class ExpiryRules {
  private ExpiryRules() {}

  /**
   * What the rules look at.
   *
   * @param barcode the tape
   * @param volStatus Bacula's VolStatus, or null if the catalog has no such volume
   * @param lastWrittenAt the end of the newest job on the tape, or null if unknown
   * @param retention the pool's retention from the last write, or null for none beyond Bacula's
   * @param archivedAt when the tape reached the shelf, or null if unknown
   * @param storageClass the shelf's storage class, or null if unknown (Deep Archive's longer
   *     minimum is assumed, so that nothing is deleted early)
   * @param allowEarlyDeletion whether the policy accepts AWS's early-deletion charge
   * @param lockType NONE, GOVERNANCE or COMPLIANCE (null means NONE)
   * @param lockUntil when the retention lock ends, or null
   * @param bypassGovernance whether the policy may bypass a governance lock
   * @param dryRun whether the caller only wants the verdict
   * @param now the time of the decision
   */
  public record Facts(
      String barcode,
      String volStatus,
      Instant lastWrittenAt,
      Duration retention,
      Instant archivedAt,
      StorageClass storageClass,
      boolean allowEarlyDeletion,
      String lockType,
      Instant lockUntil,
      boolean bypassGovernance,
      boolean dryRun,
      Instant now) {}

  /**
   * The decision.
   *
   * @param allowed whether the tape may be deleted now
   * @param reasons for a refusal, each rule that does not hold, with what to do; for a dry run that
   *     would delete, a single line saying so
   * @param earliest when the time-based rules will all hold, or null if a rule is not time-based
   */
  public record Verdict(boolean allowed, List<String> reasons, Instant earliest) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }

    /** The reasons as one line. */
    public String summary() {
      return String.join("; ", reasons);
    }
  }

  /** Applies every rule; all failing rules are reported, not just the first. */
  public static Verdict evaluate(Facts f) {
    List<String> no = new ArrayList<>();
    Instant earliest = f.now();
    boolean timeOnly = true;
    String volume = "volume " + f.barcode();

    if (f.volStatus() != null && !VolStatuses.PURGED.equalsIgnoreCase(f.volStatus())) {
      timeOnly = false;
      no.add(
          "Bacula has not purged "
              + volume
              + " (VolStatus "
              + f.volStatus()
              + "): it still holds jobs Bacula can restore; wait for Bacula to prune it, or purge"
              + " it deliberately (bconsole: purge volume="
              + f.barcode()
              + ")");
    }

    if (f.retention() != null) {
      if (f.lastWrittenAt() == null) {
        timeOnly = false;
        no.add(
            "the pool's retention cannot be checked: the last write to the tape is unknown;"
                + " check the tape's manifest and Bacula's jobs on it");
      } else {
        Instant until = f.lastWrittenAt().plus(f.retention());
        if (until.isAfter(f.now())) {
          no.add("the pool's retention runs until " + until);
          earliest = later(earliest, until);
        }
      }
    }

    StorageClass storageClass =
        f.storageClass() != null ? f.storageClass() : StorageClass.DEEP_ARCHIVE;
    Duration minimum = storageClass.minimumStorage();
    if (!f.allowEarlyDeletion()) {
      if (f.archivedAt() == null) {
        timeOnly = false;
        no.add(
            "AWS's minimum storage duration cannot be checked: when the tape was archived is"
                + " unknown");
      } else {
        Instant until = f.archivedAt().plus(minimum);
        if (until.isAfter(f.now())) {
          no.add(
              "AWS's minimum storage duration ("
                  + minimum.toDays()
                  + " days in "
                  + storageClass
                  + ") runs until "
                  + until
                  + "; deleting earlier is charged for the remaining days: set allowEarlyDeletion"
                  + " in the pool's policy to accept that");
          earliest = later(earliest, until);
        }
      }
    }

    String lock = f.lockType() == null ? "NONE" : f.lockType();
    if (!"NONE".equals(lock) && f.lockUntil() != null && f.lockUntil().isAfter(f.now())) {
      if ("COMPLIANCE".equals(lock)) {
        no.add("a COMPLIANCE retention lock forbids deleting the tape until " + f.lockUntil());
        earliest = later(earliest, f.lockUntil());
      } else if (!f.bypassGovernance()) {
        no.add(
            "a GOVERNANCE retention lock protects the tape until "
                + f.lockUntil()
                + "; set bypassGovernance in the pool's policy (and grant"
                + " storagegateway:BypassGovernanceRetention) to delete it earlier");
        earliest = later(earliest, f.lockUntil());
      }
    }

    if (no.isEmpty()) {
      return f.dryRun()
          ? new Verdict(
              false, List.of("dry run: every rule holds, the tape would be deleted"), f.now())
          : new Verdict(true, List.of(), f.now());
    }
    return new Verdict(false, no, timeOnly ? earliest : null);
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
