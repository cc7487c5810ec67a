package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;

/** Pool rules shared by the tape and pool operations. */
final class Pools {
  /** The built-in pools: S3 Glacier Flexible Retrieval and S3 Glacier Deep Archive. */
  static final List<String> BUILT_IN = List.of("GLACIER", "DEEP_ARCHIVE");

  /** Storage classes a custom pool may have. */
  static final List<String> STORAGE_CLASSES = List.of("GLACIER", "DEEP_ARCHIVE");

  /** Retention lock types. */
  static final List<String> LOCK_TYPES = List.of("NONE", "GOVERNANCE", "COMPLIANCE");

  private Pools() {}

  /** Whether a pool id names a built-in pool or an existing custom pool. */
  static boolean exists(EmulatorState state, String poolId) {
    return BUILT_IN.contains(poolId) || state.pools.containsKey(poolId);
  }

  /** Whether tapes in this pool get a retention lock once archived. */
  static boolean locked(EmulatorState state, String poolId) {
    PoolRecord p = poolId == null ? null : state.pools.get(poolId);
    return p != null && !"NONE".equals(p.lockType()) && p.lockDays() > 0;
  }

  /** The storage class tapes of this pool archive to. */
  static String storageClass(EmulatorState state, String poolId) {
    PoolRecord p = poolId == null ? null : state.pools.get(poolId);
    return p != null ? p.storageClass() : poolId == null ? "GLACIER" : poolId;
  }

  /**
   * Refuses an operation on an archived tape while its retention lock is in force: always under
   * COMPLIANCE, under GOVERNANCE unless the caller bypasses it.
   *
   * @param action what the caller wants, as in "delete it"
   * @param whenCompliance the end of the refusal under a COMPLIANCE lock, as in "nobody can delete
   *     it before then"
   */
  static void requireUnlocked(
      EmulatorState state,
      TapeRecord t,
      Instant now,
      boolean bypassGovernance,
      String action,
      String whenCompliance) {
    PoolRecord p = t.poolId == null ? null : state.pools.get(t.poolId);
    if (p == null || "NONE".equals(p.lockType()) || t.retentionStartDate == null) {
      return;
    }
    Instant until = t.retentionStartDate.plus(Duration.ofDays(p.lockDays()));
    boolean governance = "GOVERNANCE".equals(p.lockType());
    if (!now.isBefore(until) || (governance && bypassGovernance)) {
      return;
    }
    throw ApiException.invalidRequest(
        ErrorCode.UNAUTHORIZED_OPERATION,
        "tape "
            + t.barcode
            + " is under a "
            + p.lockType()
            + " retention lock until "
            + until
            + (governance
                ? "; set BypassGovernanceRetention=true to " + action + " anyway"
                : "; " + whenCompliance));
  }
}
