package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.api.Constraints;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.storagegateway.model.AssignTapePoolRequest;
import software.amazon.awssdk.services.storagegateway.model.AssignTapePoolResponse;
import software.amazon.awssdk.services.storagegateway.model.CreateTapePoolRequest;
import software.amazon.awssdk.services.storagegateway.model.CreateTapePoolResponse;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapePoolRequest;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapePoolResponse;
import software.amazon.awssdk.services.storagegateway.model.ListTapePoolsRequest;
import software.amazon.awssdk.services.storagegateway.model.ListTapePoolsResponse;
import software.amazon.awssdk.services.storagegateway.model.PoolInfo;
import software.amazon.awssdk.services.storagegateway.model.Tag;

/**
 * Custom tape pools (immutable once created, with an optional governance or compliance retention
 * lock) and AssignTapePool. ListTapePools lists custom pools only, as AWS does.
 */
public final class PoolOperations {
  private final Gateway g;

  /** Pools of {@code gateway}'s account. */
  public PoolOperations(Gateway gateway) {
    this.g = gateway;
  }

  /** Registers the pool operations. */
  public void register(OperationRegistry registry) {
    registry
        .add("CreateTapePool", CreateTapePoolRequest.class, this::create)
        .add("DeleteTapePool", DeleteTapePoolRequest.class, this::delete)
        .add("ListTapePools", ListTapePoolsRequest.class, this::list)
        .add("AssignTapePool", AssignTapePoolRequest.class, this::assign);
  }

  CreateTapePoolResponse create(CreateTapePoolRequest r) {
    Constraints c =
        new Constraints()
            .required("poolName", r.poolName())
            .length("poolName", r.poolName(), 1, 100)
            .pattern("poolName", r.poolName(), Constraints.POOL_NAME)
            .required("storageClass", r.storageClassAsString())
            .oneOf("storageClass", r.storageClassAsString(), Pools.STORAGE_CLASSES)
            .oneOf("retentionLockType", r.retentionLockTypeAsString(), Pools.LOCK_TYPES)
            .range("retentionLockTimeInDays", r.retentionLockTimeInDays(), 0, 36500);
    if (r.hasTags()) {
      List<Tag> tags = r.tags();
      for (int i = 0; i < tags.size(); i++) {
        String m = "tags." + (i + 1) + ".member";
        c.required(m + ".key", tags.get(i).key())
            .length(m + ".key", tags.get(i).key(), 1, 128)
            .required(m + ".value", tags.get(i).value())
            .length(m + ".value", tags.get(i).value(), 0, 256);
      }
    }
    c.check();
    String lockType =
        r.retentionLockTypeAsString() == null ? "NONE" : r.retentionLockTypeAsString();
    int days = r.retentionLockTimeInDays() == null ? 0 : r.retentionLockTimeInDays();
    if (!"NONE".equals(lockType) && days < 1) {
      throw ApiException.invalidParameters(
          "a " + lockType + " retention lock needs RetentionLockTimeInDays of 1 to 36500");
    }
    if ("NONE".equals(lockType) && days > 0) {
      throw ApiException.invalidParameters(
          "RetentionLockTimeInDays needs RetentionLockType GOVERNANCE or COMPLIANCE");
    }
    return g.locked(
        () -> {
          for (PoolRecord p : g.state.pools.values()) {
            if (p.name().equals(r.poolName())) {
              throw ApiException.invalidParameters(
                  "a tape pool named '"
                      + r.poolName()
                      + "' exists already: "
                      + g.arns.pool(p.poolId()));
            }
          }
          String id;
          do {
            id = "pool-" + Gateway.hex(8);
          } while (g.state.pools.containsKey(id));
          g.state.pools.put(
              id,
              new PoolRecord(
                  id, r.poolName(), r.storageClassAsString(), lockType, days, g.clock.instant()));
          g.save();
          return CreateTapePoolResponse.builder().poolARN(g.arns.pool(id)).build();
        });
  }

  DeleteTapePoolResponse delete(DeleteTapePoolRequest r) {
    new Constraints().required("poolARN", r.poolARN()).arn("poolARN", r.poolARN()).check();
    return g.locked(
        () -> {
          String id = requirePool(r.poolARN());
          long tapes = g.state.tapes.values().stream().filter(t -> id.equals(t.poolId)).count();
          if (tapes > 0) {
            throw ApiException.invalidParameters(
                "tape pool "
                    + r.poolARN()
                    + " still holds "
                    + tapes
                    + " tapes; delete them or assign them to another pool first");
          }
          g.state.pools.remove(id);
          g.save();
          return DeleteTapePoolResponse.builder().poolARN(r.poolARN()).build();
        });
  }

  private String requirePool(String poolArn) {
    return g.arns
        .poolIdOf(poolArn)
        .filter(g.state.pools::containsKey)
        .orElseThrow(
            () ->
                ApiException.invalidParameters(
                    "no tape pool " + poolArn + "; list pools with ListTapePools"));
  }

  ListTapePoolsResponse list(ListTapePoolsRequest r) {
    Constraints c = new Constraints().paging(r.marker(), r.limit());
    List<String> wanted = r.hasPoolARNs() ? r.poolARNs() : List.of();
    for (int i = 0; i < wanted.size(); i++) {
      c.arn("poolARNs." + (i + 1) + ".member", wanted.get(i));
    }
    c.check();
    return g.locked(
        () -> {
          Set<String> ids = new HashSet<>();
          wanted.forEach(a -> g.arns.poolIdOf(a).ifPresent(ids::add));
          List<PoolRecord> pools =
              g.state.pools.values().stream()
                  .filter(p -> wanted.isEmpty() || ids.contains(p.poolId()))
                  .toList();
          Paging.Page<PoolRecord> page =
              Paging.page(pools, PoolRecord::poolId, r.marker(), r.limit());
          return ListTapePoolsResponse.builder()
              .poolInfos(page.items().stream().map(this::info).toList())
              .marker(page.marker())
              .build();
        });
  }

  private PoolInfo info(PoolRecord p) {
    return PoolInfo.builder()
        .poolARN(g.arns.pool(p.poolId()))
        .poolName(p.name())
        .storageClass(p.storageClass())
        .retentionLockType(p.lockType())
        .retentionLockTimeInDays(p.lockDays())
        .poolStatus("ACTIVE")
        .build();
  }

  AssignTapePoolResponse assign(AssignTapePoolRequest r) {
    new Constraints()
        .required("tapeARN", r.tapeARN())
        .tapeArn("tapeARN", r.tapeARN())
        .required("poolId", r.poolId())
        .length("poolId", r.poolId(), 1, 100)
        .check();
    return g.locked(
        () -> {
          TapeRecord t = g.requireTape(r.tapeARN());
          if (!Pools.exists(g.state, r.poolId())) {
            throw ApiException.invalidParameters(
                "PoolId "
                    + r.poolId()
                    + " is neither GLACIER, DEEP_ARCHIVE nor a custom pool's id");
          }
          if (r.poolId().equals(t.poolId)) {
            return AssignTapePoolResponse.builder().tapeARN(r.tapeARN()).build();
          }
          Instant now = g.clock.instant();
          boolean archived = t.phase.onShelf() || t.phase == Phase.ARCHIVING;
          if (archived) {
            Pools.requireUnlocked(
                g.state,
                t,
                now,
                Boolean.TRUE.equals(r.bypassGovernanceRetention()),
                "move it",
                "it cannot change pools before then");
          }
          if (archived
              && "DEEP_ARCHIVE".equals(Pools.storageClass(g.state, t.poolId))
              && "GLACIER".equals(Pools.storageClass(g.state, r.poolId()))) {
            throw ApiException.invalidParameters(
                "tape "
                    + t.barcode
                    + " is archived in Deep Archive; it cannot move back to a Glacier pool");
          }
          t.poolId = r.poolId();
          t.poolEntryDate = now;
          t.retentionStartDate = archived && Pools.locked(g.state, t.poolId) ? now : null;
          g.save();
          return AssignTapePoolResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }
}
