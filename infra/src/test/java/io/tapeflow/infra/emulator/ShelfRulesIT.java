package io.tapeflow.infra.emulator;

import static io.tapeflow.infra.emulator.testing.EmulatorHarness.barcode;
import static io.tapeflow.infra.emulator.testing.EmulatorHarness.rawError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import io.tapeflow.infra.emulator.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.InvalidGatewayRequestException;
import software.amazon.awssdk.services.storagegateway.model.StorageGatewayException;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;

/**
 * Timed phases and the shelf's rules, on a clock the test moves by hand (delays of an hour pass at
 * once): cancelling an archival or a retrieval, retention locks on DeleteTapeArchive and
 * AssignTapePool, DeleteTape of a RETRIEVED tape.
 */
class ShelfRulesIT {
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir static Path dir;
  static MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  static EmulatorHarness h;
  static StorageGatewayClient sgw;
  static String gw;

  @BeforeAll
  static void start() {
    h = EmulatorHarness.start(dir, c -> c.delays(Duration.ZERO, HOUR, HOUR), clock);
    sgw = h.sgw();
    gw = h.gatewayArn();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String errorCode(StorageGatewayException e) {
    return rawError(e).path("error").path("errorCode").asText(null);
  }

  private static String newTape(String barcode, String poolId) {
    String arn =
        sgw.createTapeWithBarcode(
                r ->
                    r.gatewayARN(gw)
                        .tapeSizeInBytes(100L << 30)
                        .tapeBarcode(barcode)
                        .poolId(poolId))
            .tapeARN();
    h.awaitStatus(arn, "AVAILABLE");
    return arn;
  }

  /** Imports and exports the tape; returns once it is IN TRANSIT TO VTS. */
  private static void export(String arn) {
    h.importTape(barcode(arn));
    h.exportTape(barcode(arn));
    h.awaitStatus(arn, "IN TRANSIT TO VTS");
  }

  /** Moves the clock through the whole archive delay, phase by phase, until ARCHIVED. */
  private static void archive(String arn) {
    export(arn);
    clock.advance(HOUR);
    h.awaitStatus(arn, "ARCHIVING");
    clock.advance(HOUR);
    h.awaitStatus(arn, "ARCHIVED");
  }

  @Test
  void cancelArchival_whileInTransit_returnsTheTapeToAvailableInItsElement() {
    String arn = newTape("CANA01", null);
    export(arn);
    int at = h.locate(barcode(arn)).orElseThrow().address();
    assertThat(h.describe(arn).progress()).isBetween(0.0, 100.0);
    sgw.cancelArchival(r -> r.gatewayARN(gw).tapeARN(arn));
    assertThat(h.status(arn)).contains("AVAILABLE");
    clock.advance(HOUR.multipliedBy(3));
    h.emulator().tick();
    h.emulator().tick();
    assertThat(h.status(arn))
        .as("a cancelled archival does not resume by itself")
        .contains("AVAILABLE");
    assertThat(h.locate(barcode(arn)).orElseThrow().address()).isEqualTo(at);
  }

  @Test
  void cancelArchival_onceArchiving_failsWithInvalidParameters() {
    String arn = newTape("CANA02", null);
    export(arn);
    clock.advance(HOUR);
    h.awaitStatus(arn, "ARCHIVING");
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.cancelArchival(r -> r.gatewayARN(gw).tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    clock.advance(HOUR);
    h.awaitStatus(arn, "ARCHIVED");
  }

  @Test
  void cancelRetrieval_whileRetrieving_returnsTheTapeToArchived() {
    String arn = newTape("CANR01", null);
    archive(arn);
    sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(arn));
    assertThat(h.status(arn)).contains("RETRIEVING");
    TapeArchive a = sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives().get(0);
    assertThat(a.tapeStatus()).isEqualTo("RETRIEVING");
    assertThat(a.retrievedTo()).isEqualTo(gw);
    InvalidGatewayRequestException twice =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(arn)));
    assertThat(errorCode(twice)).isEqualTo("InvalidParameters");

    sgw.cancelRetrieval(r -> r.gatewayARN(gw).tapeARN(arn));
    assertThat(h.status(arn)).contains("ARCHIVED");
    clock.advance(HOUR.multipliedBy(2));
    h.emulator().tick();
    h.emulator().tick();
    assertThat(h.status(arn)).contains("ARCHIVED");
    assertThat(h.locate(barcode(arn))).isEmpty();
  }

  @Test
  void deleteTape_ofARetrievedTape_failsUntilItIsEjected() {
    String arn = newTape("DELR01", null);
    archive(arn);
    sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(arn));
    clock.advance(HOUR);
    h.awaitStatus(arn, "RETRIEVED");
    assertThat(h.locate(barcode(arn)).orElseThrow().type()).isEqualTo(ElementType.IMPORT_EXPORT);
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.deleteTape(r -> r.gatewayARN(gw).tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(e.getMessage()).contains("eject");
  }

  @Test
  void deleteTapeArchive_underComplianceLock_failsUntilTheLockExpires() {
    String pool =
        sgw.createTapePool(
                r ->
                    r.poolName("compliance-1d")
                        .storageClass("GLACIER")
                        .retentionLockType("COMPLIANCE")
                        .retentionLockTimeInDays(1))
            .poolARN();
    String poolId = pool.substring(pool.lastIndexOf('/') + 1);
    String arn = newTape("LOCKC1", poolId);
    archive(arn);
    TapeArchive a = sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives().get(0);
    assertThat(a.retentionStartDate()).isEqualTo(clock.instant());
    assertThat(a.poolId()).isEqualTo(poolId);

    for (boolean bypass : new boolean[] {false, true}) {
      InvalidGatewayRequestException e =
          catchThrowableOfType(
              InvalidGatewayRequestException.class,
              () -> sgw.deleteTapeArchive(r -> r.tapeARN(arn).bypassGovernanceRetention(bypass)));
      assertThat(errorCode(e)).isEqualTo("UnauthorizedOperation");
      assertThat(e.getMessage()).contains("COMPLIANCE");
    }
    InvalidGatewayRequestException move =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.assignTapePool(r -> r.tapeARN(arn).poolId("GLACIER")));
    assertThat(errorCode(move)).isEqualTo("UnauthorizedOperation");
    assertThat(h.status(arn)).contains("ARCHIVED");

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    sgw.deleteTapeArchive(r -> r.tapeARN(arn));
    assertThat(h.status(arn)).isEmpty();
    sgw.deleteTapePool(r -> r.poolARN(pool));
  }

  @Test
  void deleteTapeArchive_underGovernanceLock_needsBypassGovernanceRetention() {
    String pool =
        sgw.createTapePool(
                r ->
                    r.poolName("governance-30d")
                        .storageClass("DEEP_ARCHIVE")
                        .retentionLockType("GOVERNANCE")
                        .retentionLockTimeInDays(30))
            .poolARN();
    String poolId = pool.substring(pool.lastIndexOf('/') + 1);
    String arn = newTape("LOCKG1", poolId);
    archive(arn);
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class, () -> sgw.deleteTapeArchive(r -> r.tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("UnauthorizedOperation");
    assertThat(e.getMessage()).contains("BypassGovernanceRetention");
    sgw.deleteTapeArchive(r -> r.tapeARN(arn).bypassGovernanceRetention(true));
    assertThat(h.status(arn)).isEmpty();
  }

  @Test
  void deleteTapeArchive_ofATapeStillInTheVtl_failsWithInvalidParameters() {
    String arn = newTape("DARV01", null);
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class, () -> sgw.deleteTapeArchive(r -> r.tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(e.getMessage()).contains("DeleteTape");
  }

  @Test
  void createTapePool_withALockButNoDays_failsWithInvalidParameters() {
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapePool(
                    r ->
                        r.poolName("lock-0d")
                            .storageClass("GLACIER")
                            .retentionLockType("COMPLIANCE")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
  }
}
