package io.tapeflow.activities.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.AwaitStatusRequest;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.CreateTapesRequest;
import io.tapeflow.workflows.gateway.DeleteTapeRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeActionRequest;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.gateway.TapeStatusDiff;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GatewayActivitiesImpl} with the unmodified AWS SDK client against the tape gateway
 * emulator, whose library is a real tgt changer moved here over libiscsi.
 */
class GatewayActivitiesIT {
  private static final long SIZE = 100L << 30;

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static MediumChanger changer;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(new GatewayActivitiesImpl(gw.sgw(), Clock.systemUTC()))
          .build();

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir, c -> c);
    changer = gw.openChanger();
  }

  @AfterAll
  static void stop() {
    if (changer != null) {
      changer.close();
    }
    if (gw != null) {
      gw.close();
    }
  }

  @Test
  void createTape_isDoneOnce_andARetryFindsTheTape(GatewayActivities a) {
    CreateTapeRequest r =
        new CreateTapeRequest(gw.gatewayArn(), Barcode.of("TFGW0001"), SIZE, "GLACIER", "req-1");
    TapeInfo first = a.createTape(r);
    TapeInfo again = a.createTape(r);
    assertThat(first.barcode()).isEqualTo("TFGW0001");
    assertThat(again.tapeArn()).isEqualTo(first.tapeArn());
    assertThat(gw.sgw().listTapes().tapeInfos())
        .filteredOn(t -> t.tapeBarcode().equals("TFGW0001"))
        .hasSize(1);
  }

  @Test
  void createTapes_withTheSameClientToken_givesTheSameTapes(GatewayActivities a) {
    CreateTapesRequest r =
        new CreateTapesRequest(gw.gatewayArn(), "TFB", 2, SIZE, "GLACIER", "batch-0001");
    List<String> first = a.createTapes(r);
    List<String> again = a.createTapes(r);
    assertThat(first).hasSize(2).allMatch(b -> b.startsWith("TFB"));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void describeTape_ofAnUnknownBarcode_failsWithTapeNotFound(GatewayActivities a) {
    ApplicationFailure f =
        Checks.failure(
            () -> a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of("NOSUCH01"))));
    assertThat(f.getType()).isEqualTo(Failures.TAPE_NOT_FOUND);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void awaitTapeStatus_failsRetryablyUntilTheStatusIsThere(GatewayActivities a) {
    a.createTape(
        new CreateTapeRequest(gw.gatewayArn(), Barcode.of("TFGW0002"), SIZE, "GLACIER", "req-2"));
    Checks.await(() -> status("TFGW0002").equals(GatewayStatuses.AVAILABLE));
    ApplicationFailure f =
        Checks.failure(
            () ->
                a.awaitTapeStatus(
                    new AwaitStatusRequest(
                        gw.gatewayArn(), Barcode.of("TFGW0002"), List.of("ARCHIVED"))));
    assertThat(f.getType()).isEqualTo(Failures.STATUS_NOT_REACHED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getCategory())
        .as("an expected answer of a poll")
        .isEqualTo(ApplicationErrorCategory.BENIGN);
    assertThat(
            a.awaitTapeStatus(
                    new AwaitStatusRequest(
                        gw.gatewayArn(), Barcode.of("TFGW0002"), List.of("AVAILABLE")))
                .status())
        .isEqualTo("AVAILABLE");
  }

  @Test
  void shelfRoundTrip_retrieveAndDelete_areIdempotent_andRefuseWhatAwsRefuses(GatewayActivities a) {
    String bc = "TFGW0003";
    a.createTape(new CreateTapeRequest(gw.gatewayArn(), Barcode.of(bc), SIZE, "GLACIER", "req-3"));
    Checks.await(() -> changer.locate(bc).isPresent());
    changer.ensureIn(bc, ElementType.STORAGE);
    changer.ensureIn(bc, ElementType.IMPORT_EXPORT);
    Checks.await(() -> a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of(bc))).onShelf());
    TapeInfo shelved = a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of(bc)));
    assertThat(shelved.status()).isEqualTo(GatewayStatuses.ARCHIVED);
    assertThat(shelved.archivedAt()).isNotNull();
    assertThat(shelved.storageClass()).isEqualTo(StorageClass.GLACIER);

    TapeActionRequest retrieve = new TapeActionRequest(gw.gatewayArn(), Barcode.of(bc), "ret-1");
    assertThat(a.retrieveTape(retrieve).status())
        .isIn(GatewayStatuses.RETRIEVING, GatewayStatuses.RETRIEVED);
    assertThat(a.retrieveTape(retrieve).status())
        .as("again: harmless")
        .isIn(GatewayStatuses.RETRIEVING, GatewayStatuses.RETRIEVED);
    Checks.await(() -> status(bc).equals(GatewayStatuses.RETRIEVED));

    ApplicationFailure refused =
        Checks.failure(
            () ->
                a.deleteTape(
                    new DeleteTapeRequest(gw.gatewayArn(), Barcode.of(bc), false, "del-0")));
    assertThat(refused.getType()).isEqualTo(Failures.GATEWAY_REJECTED);
    assertThat(refused.getOriginalMessage()).contains("DeleteTape").contains("RETRIEVED");

    Checks.await(() -> changer.locate(bc).isPresent());
    changer.ensureIn(bc, ElementType.STORAGE);
    changer.ensureIn(bc, ElementType.IMPORT_EXPORT);
    Checks.await(() -> status(bc).equals(GatewayStatuses.ARCHIVED));
    DeleteTapeRequest delete =
        new DeleteTapeRequest(gw.gatewayArn(), Barcode.of(bc), false, "del-1");
    a.deleteTape(delete);
    a.deleteTape(delete);
    assertThat(
            Checks.failure(() -> a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of(bc))))
                .getType())
        .isEqualTo(Failures.TAPE_NOT_FOUND);
  }

  @Test
  void retrieveTape_ofATapeStillInTheLibrary_isRejected(GatewayActivities a) {
    a.createTape(
        new CreateTapeRequest(gw.gatewayArn(), Barcode.of("TFGW0004"), SIZE, "GLACIER", "req-4"));
    ApplicationFailure f =
        Checks.failure(
            () ->
                a.retrieveTape(
                    new TapeActionRequest(gw.gatewayArn(), Barcode.of("TFGW0004"), "r")));
    assertThat(f.getType()).isEqualTo(Failures.GATEWAY_REJECTED);
    assertThat(f.getOriginalMessage()).contains("only an ARCHIVED tape");
  }

  @Test
  void unknownGateway_isRejected_notRetried(GatewayActivities a) {
    String other = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-00000000";
    ApplicationFailure f =
        Checks.failure(
            () ->
                a.createTape(
                    new CreateTapeRequest(other, Barcode.of("TFGW0005"), SIZE, "GLACIER", "r")));
    assertThat(f.getType()).isEqualTo(Failures.GATEWAY_REJECTED);
    assertThat(f.getOriginalMessage()).contains("GatewayNotFound");
  }

  @Test
  void watchTapes_returnsTheChangedTapes_thenWaitsQuietly(GatewayActivities a) {
    a.createTape(
        new CreateTapeRequest(gw.gatewayArn(), Barcode.of("TFGW0006"), SIZE, "GLACIER", "req-6"));
    WatchRequest first =
        new WatchRequest(
            gw.gatewayArn(),
            Map.of(),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            3);
    TapeChanges seen = a.watchTapes(first);
    assertThat(seen.changes()).extracting(GatewayStatus::barcode).contains("TFGW0006");
    assertThat(seen.lastPollPages()).as("ListTapes pages of 3").isEqualTo((seen.tapes() + 2) / 3);
    Map<String, String> known = TapeStatusDiff.apply(Map.of(), seen.changes());
    Checks.await(() -> status("TFGW0006").equals(GatewayStatuses.AVAILABLE));
    known =
        TapeStatusDiff.apply(
            known,
            List.of(
                GatewayStatus.of("TFGW0006", GatewayStatuses.AVAILABLE, java.time.Instant.now())));
    for (var s : gw.sgw().listTapes().tapeInfos()) {
      known.put(s.tapeBarcode(), s.tapeStatus());
    }
    TapeChanges quiet =
        a.watchTapes(
            new WatchRequest(
                gw.gatewayArn(),
                known,
                Duration.ofMillis(200),
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                3));
    assertThat(quiet.changes()).isEmpty();
    assertThat(quiet.polls()).as("looked again until maxWait").isGreaterThan(1);
  }

  @Test
  void customPool_hasTheStorageClassTheGatewayLists_whateverItsName(GatewayActivities a) {
    String poolArn =
        gw.sgw().createTapePool(b -> b.poolName("deep-ish").storageClass("GLACIER")).poolARN();
    String poolId = poolArn.substring(poolArn.lastIndexOf('/') + 1);
    String bc = "TFGW0008";
    TapeInfo created =
        a.createTape(new CreateTapeRequest(gw.gatewayArn(), Barcode.of(bc), SIZE, poolId, "req-8"));
    assertThat(created.poolId()).isEqualTo(poolId);
    assertThat(created.storageClass()).isEqualTo(StorageClass.GLACIER);
  }

  @Test
  void deleteTape_underAComplianceLock_failsWithRetentionLocked(GatewayActivities a) {
    String poolArn =
        gw.sgw()
            .createTapePool(
                b ->
                    b.poolName("locked-pool")
                        .storageClass("GLACIER")
                        .retentionLockType("COMPLIANCE")
                        .retentionLockTimeInDays(30))
            .poolARN();
    String poolId = poolArn.substring(poolArn.lastIndexOf('/') + 1);
    String bc = "TFGW0007";
    a.createTape(new CreateTapeRequest(gw.gatewayArn(), Barcode.of(bc), SIZE, poolId, "req-7"));
    Checks.await(() -> changer.locate(bc).isPresent());
    changer.ensureIn(bc, ElementType.STORAGE);
    changer.ensureIn(bc, ElementType.IMPORT_EXPORT);
    Checks.await(() -> status(bc).equals(GatewayStatuses.ARCHIVED));
    TapeInfo t = a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of(bc)));
    assertThat(t.lockType()).isEqualTo("COMPLIANCE");
    assertThat(t.storageClass()).isEqualTo(StorageClass.GLACIER);
    ApplicationFailure f =
        Checks.failure(
            () ->
                a.deleteTape(
                    new DeleteTapeRequest(gw.gatewayArn(), Barcode.of(bc), true, "del-7")));
    assertThat(f.getType()).isEqualTo(Failures.RETENTION_LOCKED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  private static String status(String barcode) {
    return new GatewayActivitiesImpl(gw.sgw(), Clock.systemUTC())
        .find(gw.gatewayArn(), barcode)
        .map(TapeInfo::status)
        .orElse("");
  }
}
