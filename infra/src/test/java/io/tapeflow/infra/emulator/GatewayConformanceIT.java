package io.tapeflow.infra.emulator;

import static io.tapeflow.infra.emulator.testing.EmulatorHarness.barcode;
import static io.tapeflow.infra.emulator.testing.EmulatorHarness.rawError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.api.AwsJson;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeVtlDevicesResponse;
import software.amazon.awssdk.services.storagegateway.model.GatewayInfo;
import software.amazon.awssdk.services.storagegateway.model.InvalidGatewayRequestException;
import software.amazon.awssdk.services.storagegateway.model.ListTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.StorageGatewayException;
import software.amazon.awssdk.services.storagegateway.model.Tape;
import software.amazon.awssdk.services.storagegateway.model.TapeInfo;
import software.amazon.awssdk.services.storagegateway.model.VTLDevice;

/**
 * The emulator seen only through the unmodified {@link StorageGatewayClient}: every operation's
 * happy path, the documented errors (with the raw {@code error.errorCode} the SDK drops from its
 * exception classes), pagination and ClientToken.
 */
class GatewayConformanceIT {
  static final long GIB = 1L << 30;
  static final long SIZE = 100 * GIB;

  @TempDir static Path dir;
  static EmulatorHarness h;
  static StorageGatewayClient sgw;
  static String gw;

  @BeforeAll
  static void start() {
    h = EmulatorHarness.start(dir, c -> c.library(2, 60, 60));
    sgw = h.sgw();
    gw = h.gatewayArn();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String create(String prefix) {
    return sgw.createTapes(
            r ->
                r.gatewayARN(gw)
                    .tapeSizeInBytes(SIZE)
                    .clientToken("tok-" + prefix + System.nanoTime())
                    .numTapesToCreate(1)
                    .tapeBarcodePrefix(prefix))
        .tapeARNs()
        .get(0);
  }

  private static String errorCode(StorageGatewayException e) {
    return rawError(e).path("error").path("errorCode").asText(null);
  }

  @Test
  void listGateways_returnsTheOneVtlGateway() {
    List<GatewayInfo> gateways = sgw.listGateways().gateways();
    assertThat(gateways).hasSize(1);
    GatewayInfo g = gateways.get(0);
    assertThat(g.gatewayARN())
        .matches("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-[0-9A-F]{8}");
    assertThat(g.gatewayType()).isEqualTo("VTL");
    assertThat(g.gatewayOperationalState()).isEqualTo("ACTIVE");
    assertThat(g.gatewayId()).isEqualTo(g.gatewayARN().substring(g.gatewayARN().indexOf('/') + 1));
  }

  @Test
  void describeGatewayInformation_describesTheGateway() {
    var info = sgw.describeGatewayInformation(r -> r.gatewayARN(gw));
    assertThat(info.gatewayARN()).isEqualTo(gw);
    assertThat(info.gatewayType()).isEqualTo("VTL");
    assertThat(info.gatewayState()).isEqualTo("STATE_RUNNING");
  }

  @Test
  void describeGatewayInformation_whenGatewayUnknown_failsWithGatewayNotFound() {
    String other = gw.substring(0, gw.length() - 8) + "00000000";
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.describeGatewayInformation(r -> r.gatewayARN(other)));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(errorCode(e)).isEqualTo("GatewayNotFound");
  }

  @Test
  void describeGatewayInformation_whenArnTooShort_failsValidationBeforeLookingItUp() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () -> sgw.describeGatewayInformation(r -> r.gatewayARN("foobar")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "1 validation error detected: Value 'foobar' at 'gatewayARN' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 50");
  }

  @Test
  void describeVtlDevices_namesTheChangerAndDrivesWithTheirTargetsAndPortal() {
    DescribeVtlDevicesResponse all = sgw.describeVTLDevices(r -> r.gatewayARN(gw));
    var layout = h.emulator().layout();
    assertThat(all.vtlDevices()).hasSize(1 + layout.driveAddresses().size());
    VTLDevice changer = all.vtlDevices().get(0);
    assertThat(changer.vtlDeviceType()).isEqualTo("Medium Changer");
    assertThat(changer.vtlDeviceVendor()).isEqualTo("AWS");
    assertThat(changer.vtlDeviceProductIdentifier()).isEqualTo("Gateway-VTL");
    assertThat(changer.deviceiSCSIAttributes().targetARN())
        .isEqualTo(gw + "/target/" + layout.changerIqn());
    assertThat(changer.deviceiSCSIAttributes().networkInterfaceId()).isEqualTo(layout.portalHost());
    assertThat(changer.deviceiSCSIAttributes().networkInterfacePort())
        .isEqualTo(layout.portalPort());
    VTLDevice drive = all.vtlDevices().get(1);
    assertThat(drive.vtlDeviceType()).isEqualTo("Tape Drive");
    assertThat(drive.vtlDeviceProductIdentifier()).isEqualTo("ULT3580-TD5");
    assertThat(drive.vtlDeviceARN()).endsWith("_TAPEDRIVE_00001");
    assertThat(drive.deviceiSCSIAttributes().targetARN())
        .endsWith("/target/" + layout.driveIqns().get(0));

    DescribeVtlDevicesResponse first = sgw.describeVTLDevices(r -> r.gatewayARN(gw).limit(2));
    assertThat(first.vtlDevices()).hasSize(2);
    assertThat(first.marker()).isNotNull();
    DescribeVtlDevicesResponse rest =
        sgw.describeVTLDevices(r -> r.gatewayARN(gw).marker(first.marker()));
    assertThat(rest.vtlDevices()).hasSize(all.vtlDevices().size() - 2);
    assertThat(rest.marker()).isNull();
  }

  @Test
  void createTapes_tapesGoFromCreatingToAvailableInImportExportElements() {
    Instant before = Instant.now().minusSeconds(1);
    CreateTapesResponse created =
        sgw.createTapes(
            r ->
                r.gatewayARN(gw)
                    .tapeSizeInBytes(SIZE)
                    .clientToken("create-avail-1")
                    .numTapesToCreate(3)
                    .tapeBarcodePrefix("AVL")
                    .poolId("DEEP_ARCHIVE"));
    assertThat(created.tapeARNs()).hasSize(3);
    for (String arn : created.tapeARNs()) {
      assertThat(arn).matches("arn:aws:storagegateway:us-east-1:111122223333:tape/AVL[0-9A-F]{6}");
      h.awaitStatus(arn, "AVAILABLE");
      Element at = h.locate(barcode(arn)).orElseThrow();
      assertThat(at.type()).isEqualTo(ElementType.IMPORT_EXPORT);
      Tape t = h.describe(arn);
      assertThat(t.tapeSizeInBytes()).isEqualTo(SIZE);
      assertThat(t.poolId()).isEqualTo("DEEP_ARCHIVE");
      assertThat(t.tapeCreatedDate()).isAfter(before);
      assertThat(t.poolEntryDate()).isNotNull();
      assertThat(t.worm()).isFalse();
    }
  }

  @Test
  void createTapes_withTheSameClientToken_returnsTheSameTapesAndCreatesNoMore() {
    var first =
        sgw.createTapes(
            r ->
                r.gatewayARN(gw)
                    .tapeSizeInBytes(SIZE)
                    .clientToken("idem-token-1")
                    .numTapesToCreate(2)
                    .tapeBarcodePrefix("IDM"));
    long before = countWithPrefix("IDM");
    var again =
        sgw.createTapes(
            r ->
                r.gatewayARN(gw)
                    .tapeSizeInBytes(SIZE)
                    .clientToken("idem-token-1")
                    .numTapesToCreate(2)
                    .tapeBarcodePrefix("IDM"));
    assertThat(again.tapeARNs()).isEqualTo(first.tapeARNs());
    assertThat(countWithPrefix("IDM")).isEqualTo(before).isEqualTo(2);

    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapes(
                    r ->
                        r.gatewayARN(gw)
                            .tapeSizeInBytes(SIZE)
                            .clientToken("idem-token-1")
                            .numTapesToCreate(3)
                            .tapeBarcodePrefix("IDM")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(countWithPrefix("IDM")).isEqualTo(2);
  }

  private static long countWithPrefix(String prefix) {
    return sgw.listTapesPaginator(r -> r.limit(100)).tapeInfos().stream()
        .filter(t -> t.tapeBarcode().startsWith(prefix))
        .count();
  }

  @Test
  void createTapes_whenPrefixIsNotLetters_failsValidation() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () ->
                sgw.createTapes(
                    r ->
                        r.gatewayARN(gw)
                            .tapeSizeInBytes(SIZE)
                            .clientToken("bad-prefix")
                            .numTapesToCreate(1)
                            .tapeBarcodePrefix("AB1")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.getMessage()).contains("tapeBarcodePrefix").contains("^[A-Z]*$");
  }

  @Test
  void createTapes_whenMoreThanTenInOneCall_failsValidation() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () ->
                sgw.createTapes(
                    r ->
                        r.gatewayARN(gw)
                            .tapeSizeInBytes(SIZE)
                            .clientToken("too-many")
                            .numTapesToCreate(11)
                            .tapeBarcodePrefix("TM")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.getMessage()).contains("numTapesToCreate").contains("less than or equal to 10");
  }

  @Test
  void createTapes_whenSizeOutOfRangeOrNotWholeGib_failsWithInvalidParameters() {
    for (long size : new long[] {10 * GIB, 99 * GIB, 15L * 1024 * GIB + GIB, 100 * GIB + 1}) {
      InvalidGatewayRequestException e =
          catchThrowableOfType(
              InvalidGatewayRequestException.class,
              () ->
                  sgw.createTapes(
                      r ->
                          r.gatewayARN(gw)
                              .tapeSizeInBytes(size)
                              .clientToken("size-" + size)
                              .numTapesToCreate(1)
                              .tapeBarcodePrefix("SZ")));
      assertThat(errorCode(e)).as("size %d", size).isEqualTo("InvalidParameters");
    }
    assertThat(countWithPrefix("SZ")).isZero();
    String max =
        sgw.createTapeWithBarcode(
                r -> r.gatewayARN(gw).tapeSizeInBytes(15L * 1024 * GIB).tapeBarcode("SZMAX1"))
            .tapeARN();
    assertThat(h.describe(max).tapeSizeInBytes()).isEqualTo(15L * 1024 * GIB);
  }

  @Test
  void createTapeWithBarcode_whenBarcodeInUseOrUsedBefore_failsWithInvalidParameters() {
    String arn =
        sgw.createTapeWithBarcode(r -> r.gatewayARN(gw).tapeSizeInBytes(SIZE).tapeBarcode("REUSE1"))
            .tapeARN();
    assertThat(arn).endsWith(":tape/REUSE1");
    InvalidGatewayRequestException inUse =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapeWithBarcode(
                    r -> r.gatewayARN(gw).tapeSizeInBytes(SIZE).tapeBarcode("REUSE1")));
    assertThat(errorCode(inUse)).isEqualTo("InvalidParameters");
    assertThat(inUse.getMessage()).contains("in use");

    h.awaitStatus(arn, "AVAILABLE");
    sgw.deleteTape(r -> r.gatewayARN(gw).tapeARN(arn));
    assertThat(h.status(arn)).isEmpty();
    InvalidGatewayRequestException usedBefore =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapeWithBarcode(
                    r -> r.gatewayARN(gw).tapeSizeInBytes(SIZE).tapeBarcode("REUSE1")));
    assertThat(errorCode(usedBefore)).isEqualTo("InvalidParameters");
    assertThat(usedBefore.getMessage()).contains("used before");
  }

  @Test
  void createTapeWithBarcode_whenBarcodeIsNotUppercaseAlphanumeric_failsValidation() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () ->
                sgw.createTapeWithBarcode(
                    r -> r.gatewayARN(gw).tapeSizeInBytes(SIZE).tapeBarcode("ab-12")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void createTapeWithBarcode_whenLongerThanTheLibraryHolds_failsWithInvalidParameters() {
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapeWithBarcode(
                    r -> r.gatewayARN(gw).tapeSizeInBytes(SIZE).tapeBarcode("ABCDEFGHIJK")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(e.getMessage()).contains("at most 10");
  }

  @Test
  void listTapes_pagesWithMarkerAndLimit_andOmitsTheMarkerOnTheLastPage() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int n = i;
      created.addAll(
          sgw.createTapes(
                  r ->
                      r.gatewayARN(gw)
                          .tapeSizeInBytes(SIZE)
                          .clientToken("page-" + n)
                          .numTapesToCreate(6)
                          .tapeBarcodePrefix("PG"))
              .tapeARNs());
    }
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      String m = marker;
      ListTapesResponse page = sgw.listTapes(r -> r.limit(5).marker(m));
      assertThat(page.tapeInfos()).hasSizeLessThanOrEqualTo(5);
      page.tapeInfos().forEach(t -> seen.add(t.tapeARN()));
      marker = page.marker();
      pages++;
    } while (marker != null);
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    List<String> viaPaginator =
        sgw.listTapesPaginator(r -> r.limit(4)).tapeInfos().stream()
            .map(TapeInfo::tapeARN)
            .toList();
    assertThat(viaPaginator).containsExactlyElementsOf(seen);

    List<Tape> described =
        sgw
            .describeTapesPaginator(r -> r.gatewayARN(gw).tapeARNs(created).limit(5))
            .tapes()
            .stream()
            .toList();
    assertThat(described).extracting(Tape::tapeARN).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void listTapes_withAMarkerItDidNotIssue_failsWithInvalidParameters() {
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class, () -> sgw.listTapes(r -> r.marker("%%%")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
  }

  @Test
  void describeTapes_leavesUnknownTapeArnsOut() {
    String arn = create("DT");
    String unknown = arn.substring(0, arn.lastIndexOf('/') + 1) + "NOSUCH1";
    List<Tape> tapes = sgw.describeTapes(r -> r.gatewayARN(gw).tapeARNs(arn, unknown)).tapes();
    assertThat(tapes).extracting(Tape::tapeARN).containsExactly(arn);
  }

  @Test
  void describeTapes_whenTapeArnMalformed_failsValidation() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () ->
                sgw.describeTapes(
                    r ->
                        r.gatewayARN(gw)
                            .tapeARNs(
                                "arn:aws:storagegateway:us-east-1:111122223333:tape/bad-one")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void retrieveTapeArchive_whenTapeIsNotArchived_failsWithInvalidParameters() {
    String arn = create("RNA");
    h.awaitStatus(arn, "AVAILABLE");
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(e.getMessage()).contains("only an ARCHIVED tape");
  }

  @Test
  void tapeOperations_whenTapeArnUnknown_failWithTapeCartridgeNotFound() {
    String unknown = "arn:aws:storagegateway:us-east-1:111122223333:tape/NOSUCH9";
    List<Runnable> calls =
        List.of(
            () -> sgw.deleteTape(r -> r.gatewayARN(gw).tapeARN(unknown)),
            () -> sgw.deleteTapeArchive(r -> r.tapeARN(unknown)),
            () -> sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(unknown)),
            () -> sgw.cancelArchival(r -> r.gatewayARN(gw).tapeARN(unknown)),
            () -> sgw.cancelRetrieval(r -> r.gatewayARN(gw).tapeARN(unknown)),
            () -> sgw.assignTapePool(r -> r.tapeARN(unknown).poolId("GLACIER")));
    for (Runnable call : calls) {
      InvalidGatewayRequestException e =
          catchThrowableOfType(InvalidGatewayRequestException.class, call::run);
      assertThat(errorCode(e)).isEqualTo("TapeCartridgeNotFound");
    }
  }

  @Test
  void deleteTape_whenGatewayUnknown_failsWithGatewayNotFound() {
    String arn = create("DGW");
    String other = gw.substring(0, gw.length() - 8) + "FFFFFFFF";
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.deleteTape(r -> r.gatewayARN(other).tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("GatewayNotFound");
  }

  @Test
  void deleteTape_whenLoadedInADrive_failsAndKeepsTheTape() {
    String arn = create("DRV");
    h.awaitStatus(arn, "AVAILABLE");
    int slot = h.importTape(barcode(arn));
    int drive = h.emulator().layout().driveAddresses().get(0);
    h.initiator().move(slot, drive);
    EmulatorHarness.await("the tape shows in drive 1", () -> h.describe(arn).vtlDevice() != null);
    assertThat(h.describe(arn).vtlDevice()).endsWith("_TAPEDRIVE_00001");
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () -> sgw.deleteTape(r -> r.gatewayARN(gw).tapeARN(arn)));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
    assertThat(e.getMessage()).contains("drive");
    assertThat(h.locate(barcode(arn)).orElseThrow().address()).isEqualTo(drive);

    h.initiator().move(drive, slot);
    sgw.deleteTape(r -> r.gatewayARN(gw).tapeARN(arn));
    assertThat(h.status(arn)).isEmpty();
    assertThat(h.locate(barcode(arn))).isEmpty();
  }

  @Test
  void pools_createListAssignAndDelete() {
    String pool =
        sgw.createTapePool(r -> r.poolName("conformance-pool").storageClass("DEEP_ARCHIVE"))
            .poolARN();
    assertThat(pool)
        .matches("arn:aws:storagegateway:us-east-1:111122223333:tapepool/pool-[0-9A-F]{8}");
    var listed = sgw.listTapePools(r -> r.poolARNs(pool)).poolInfos();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).poolName()).isEqualTo("conformance-pool");
    assertThat(listed.get(0).storageClassAsString()).isEqualTo("DEEP_ARCHIVE");
    assertThat(listed.get(0).retentionLockTypeAsString()).isEqualTo("NONE");
    assertThat(listed.get(0).poolStatusAsString()).isEqualTo("ACTIVE");

    String poolId = pool.substring(pool.lastIndexOf('/') + 1);
    String arn = create("POL");
    sgw.assignTapePool(r -> r.tapeARN(arn).poolId(poolId));
    assertThat(h.describe(arn).poolId()).isEqualTo(poolId);

    InvalidGatewayRequestException busy =
        catchThrowableOfType(
            InvalidGatewayRequestException.class, () -> sgw.deleteTapePool(r -> r.poolARN(pool)));
    assertThat(errorCode(busy)).isEqualTo("InvalidParameters");

    sgw.assignTapePool(r -> r.tapeARN(arn).poolId("GLACIER"));
    sgw.deleteTapePool(r -> r.poolARN(pool));
    assertThat(sgw.listTapePools(r -> r.poolARNs(pool)).poolInfos()).isEmpty();
  }

  @Test
  void createTapePool_whenStorageClassUnknown_failsValidation() {
    StorageGatewayException e =
        catchThrowableOfType(
            StorageGatewayException.class,
            () -> sgw.createTapePool(r -> r.poolName("p-bad").storageClass("TAPE_CLOSET")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.getMessage()).contains("enum value set");
  }

  @Test
  void createTapes_whenPoolUnknown_failsWithInvalidParameters() {
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.createTapes(
                    r ->
                        r.gatewayARN(gw)
                            .tapeSizeInBytes(SIZE)
                            .clientToken("no-pool")
                            .numTapesToCreate(1)
                            .tapeBarcodePrefix("NP")
                            .poolId("pool-00000000")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
  }

  @Test
  void deleteTapePool_whenPoolUnknown_failsWithInvalidParameters() {
    InvalidGatewayRequestException e =
        catchThrowableOfType(
            InvalidGatewayRequestException.class,
            () ->
                sgw.deleteTapePool(
                    r ->
                        r.poolARN(
                            "arn:aws:storagegateway:us-east-1:111122223333:tapepool/pool-00000000")));
    assertThat(errorCode(e)).isEqualTo("InvalidParameters");
  }

  private static HttpResponse<String> post(String target, String body, boolean signed)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(h.emulator().endpoint())
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    if (signed) {
      b.header("X-Amz-Date", "20260301T000000Z")
          .header(
              "Authorization",
              "AWS4-HMAC-SHA256 Credential=AKIDTAPEFLOW/20260301/us-east-1/storagegateway/aws4_request,"
                  + " SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
                  + " Signature="
                  + "0".repeat(64));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unsignedRequest_isRefusedWithMissingAuthenticationToken() throws Exception {
    HttpResponse<String> r = post("StorageGateway_20130630.ListGateways", "{}", false);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(AwsJson.tree(r.body().getBytes(UTF_8)).path("__type").asText())
        .isEqualTo("MissingAuthenticationToken");
  }

  @Test
  void businessError_onTheWire_carriesTypeMessageAndErrorCode() throws Exception {
    HttpResponse<String> r =
        post(
            "StorageGateway_20130630.DeleteTape",
            "{\"GatewayARN\":\""
                + gw
                + "\",\"TapeARN\":\"arn:aws:storagegateway:us-east-1:111122223333:tape/NOSUCH8\"}",
            true);
    assertThat(r.statusCode()).isEqualTo(400);
    var body = AwsJson.tree(r.body().getBytes(UTF_8));
    assertThat(body.path("__type").asText()).isEqualTo("InvalidGatewayRequestException");
    assertThat(body.path("message").asText()).contains("NOSUCH8");
    assertThat(body.path("error").path("errorCode").asText()).isEqualTo("TapeCartridgeNotFound");
  }

  @Test
  void unknownTarget_isUnknownOperation_andAModelOperationNotEmulated_isNotImplemented()
      throws Exception {
    HttpResponse<String> unknown = post("StorageGateway_20130630.MakeCoffee", "{}", true);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(AwsJson.tree(unknown.body().getBytes(UTF_8)).path("__type").asText())
        .isEqualTo("UnknownOperationException");
    HttpResponse<String> notEmulated = post("StorageGateway_20130630.ListVolumes", "{}", true);
    var body = AwsJson.tree(notEmulated.body().getBytes(UTF_8));
    assertThat(body.path("__type").asText()).isEqualTo("InvalidGatewayRequestException");
    assertThat(body.path("error").path("errorCode").asText()).isEqualTo("NotImplemented");
    HttpResponse<String> missing = post(null, "{}", true);
    assertThat(AwsJson.tree(missing.body().getBytes(UTF_8)).path("__type").asText())
        .isEqualTo("MissingAction");
  }

  @Test
  void malformedBody_isASerializationException() throws Exception {
    HttpResponse<String> r = post("StorageGateway_20130630.ListTapes", "[1,2]", true);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(AwsJson.tree(r.body().getBytes(UTF_8)).path("__type").asText())
        .isEqualTo("SerializationException");
  }

  @Test
  void barcodes_generatedByCreateTapes_areUniqueAndAtMostTenCharacters() {
    Set<String> barcodes = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      sgw.createTapes(
              r ->
                  r.gatewayARN(gw)
                      .tapeSizeInBytes(SIZE)
                      .clientToken("uniq-" + n)
                      .numTapesToCreate(3)
                      .tapeBarcodePrefix("UNIQ"))
          .tapeARNs()
          .forEach(a -> barcodes.add(barcode(a)));
    }
    assertThat(barcodes).hasSize(9).allMatch(b -> b.length() <= 10 && b.startsWith("UNIQ"));
  }
}
