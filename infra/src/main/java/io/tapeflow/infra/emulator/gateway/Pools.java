package io.tapeflow.infra.emulator.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

  /** The lock type in force on an archived tape now ({@code NONE} when none or expired). */
  static String activeLock(EmulatorState state, TapeRecord t, Instant now) {
    PoolRecord p = t.poolId == null ? null : state.pools.get(t.poolId);
    if (p == null || "NONE".equals(p.lockType()) || t.retentionStartDate == null) {
      return "NONE";
    }
    Instant until = t.retentionStartDate.plus(Duration.ofDays(p.lockDays()));
    return now.isBefore(until) ? p.lockType() : "NONE";
  }

  /** When the retention lock of an archived tape ends (null when none). */
  static Instant lockedUntil(EmulatorState state, TapeRecord t) {
    PoolRecord p = t.poolId == null ? null : state.pools.get(t.poolId);
    if (p == null || "NONE".equals(p.lockType()) || t.retentionStartDate == null) {
      return null;
    }
    return t.retentionStartDate.plus(Duration.ofDays(p.lockDays()));
  }
}
