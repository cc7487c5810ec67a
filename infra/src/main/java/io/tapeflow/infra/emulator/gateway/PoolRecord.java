package io.tapeflow.infra.emulator.gateway;

import java.time.Instant;

/**
 * A custom tape pool. Pools are immutable once created, as on AWS.
 *
 * @param poolId {@code pool-} and eight uppercase hex digits; tapes name their pool by this id
 * @param name the pool's name
 * @param storageClass {@code GLACIER} or {@code DEEP_ARCHIVE}
 * @param lockType {@code NONE}, {@code GOVERNANCE} or {@code COMPLIANCE}
 * @param lockDays retention lock time in days
 * @param created when it was created
 */
record PoolRecord(
    String poolId,
    String name,
    String storageClass,
    String lockType,
    int lockDays,
    Instant created) {}
