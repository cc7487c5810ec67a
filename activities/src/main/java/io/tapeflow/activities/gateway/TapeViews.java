package io.tapeflow.activities.gateway;

import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.lifecycle.ShelfPool;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.PoolInfo;
import software.amazon.awssdk.services.storagegateway.model.Tape;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;

/**
 * The SDK's views of a tape (DescribeTapes' {@code Tape}, DescribeTapeArchives' {@code
 * TapeArchive}, ListTapes' {@code TapeInfo}) as tapeflow's {@link TapeInfo}. Custom pools are read
 * once (their storage class and retention lock never change) to fill the storage class and the
 * lock.
 */
final class TapeViews {
  private final StorageGatewayClient sgw;
  private final Clock clock;
  private final Map<String, PoolInfo> pools = new ConcurrentHashMap<>();

  TapeViews(StorageGatewayClient sgw, Clock clock) {
    this.sgw = sgw;
    this.clock = clock;
  }

  TapeInfo of(Tape t, String gatewayArn) {
    Pool p = pool(gatewayArn, t.poolId(), t.retentionStartDate());
    return new TapeInfo(
        t.tapeBarcode(),
        t.tapeARN(),
        t.tapeStatus(),
        gatewayArn,
        t.poolId(),
        p.storageClass,
        t.tapeSizeInBytes() == null ? 0 : t.tapeSizeInBytes(),
        t.tapeUsedInBytes(),
        null,
        t.retentionStartDate(),
        p.lockType,
        p.lockUntil,
        false,
        clock.instant());
  }

  TapeInfo of(TapeArchive t, String gatewayArn) {
    Pool p = pool(gatewayArn, t.poolId(), t.retentionStartDate());
    return new TapeInfo(
        t.tapeBarcode(),
        t.tapeARN(),
        t.tapeStatus(),
        t.retrievedTo(),
        t.poolId(),
        p.storageClass,
        t.tapeSizeInBytes() == null ? 0 : t.tapeSizeInBytes(),
        t.tapeUsedInBytes(),
        t.completionTime(),
        t.retentionStartDate(),
        p.lockType,
        p.lockUntil,
        true,
        clock.instant());
  }

  /** A ListTapes entry: status and where, no pool lookup (the watcher lists many tapes). */
  static TapeInfo listed(
      software.amazon.awssdk.services.storagegateway.model.TapeInfo t, Instant at) {
    return new TapeInfo(
        t.tapeBarcode(),
        t.tapeARN(),
        t.tapeStatus(),
        t.gatewayARN(),
        t.poolId(),
        null,
        t.tapeSizeInBytes() == null ? 0 : t.tapeSizeInBytes(),
        null,
        null,
        t.retentionStartDate(),
        null,
        null,
        t.gatewayARN() == null,
        at);
  }

  private record Pool(StorageClass storageClass, String lockType, Instant lockUntil) {}

  private Pool pool(String gatewayArn, String poolId, Instant retentionStart) {
    if (poolId == null) {
      return new Pool(null, "NONE", null);
    }
    ShelfPool shelf = ShelfPool.of(poolId);
    if (shelf.standard()) {
      return new Pool(shelf.standardClass().orElseThrow(), "NONE", null);
    }
    PoolInfo info =
        pools.computeIfAbsent(
            poolId,
            id -> {
              String arn = TapeArns.of(gatewayArn).pool(id);
              try {
                return sgw.listTapePools(b -> b.poolARNs(arn)).poolInfos().stream()
                    .findFirst()
                    .orElse(null);
              } catch (SdkException e) {
                throw GatewayErrors.failure("ListTapePools " + id, e);
              }
            });
    if (info == null) {
      return new Pool(null, "NONE", null);
    }
    String lock =
        info.retentionLockTypeAsString() == null ? "NONE" : info.retentionLockTypeAsString();
    Instant until =
        retentionStart == null || info.retentionLockTimeInDays() == null || "NONE".equals(lock)
            ? null
            : retentionStart.plus(Duration.ofDays(info.retentionLockTimeInDays()));
    return new Pool(StorageClass.parse(info.storageClassAsString()), lock, until);
  }
}
