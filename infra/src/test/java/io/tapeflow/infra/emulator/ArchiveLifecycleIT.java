package io.tapeflow.infra.emulator;

import static io.tapeflow.infra.emulator.testing.EmulatorHarness.barcode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.shelf.Shelf;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;
import software.amazon.awssdk.services.storagegateway.model.TapeInfo;

/**
 * The gateway joined to its library, with the test acting as the backup software's initiator:
 * created tapes appear in I/E elements; import then export archives a tape and its data lands in
 * the S3 shelf; retrieval brings it back into an I/E element with the same bytes; an import alone
 * never archives.
 */
class ArchiveLifecycleIT {
  @TempDir static Path dir;
  static EmulatorHarness h;
  static StorageGatewayClient sgw;
  static String gw;

  @BeforeAll
  static void start() {
    h =
        EmulatorHarness.start(
            dir, c -> c.delays(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(300)));
    sgw = h.sgw();
    gw = h.gatewayArn();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String createTape(String prefix, String token) {
    return sgw.createTapes(
            r ->
                r.gatewayARN(gw)
                    .tapeSizeInBytes(100L << 30)
                    .clientToken(token)
                    .numTapesToCreate(1)
                    .tapeBarcodePrefix(prefix))
        .tapeARNs()
        .get(0);
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void createdTapes_appearInImportExportElementsOfTheLibrary() {
    List<String> arns =
        sgw.createTapes(
                r ->
                    r.gatewayARN(gw)
                        .tapeSizeInBytes(100L << 30)
                        .clientToken("ie-appear")
                        .numTapesToCreate(3)
                        .tapeBarcodePrefix("IEA"))
            .tapeARNs();
    for (String arn : arns) {
      h.awaitStatus(arn, "AVAILABLE");
      Element e = h.locate(barcode(arn)).orElseThrow();
      assertThat(e.type()).isEqualTo(ElementType.IMPORT_EXPORT);
      assertThat(h.emulator().layout().isImportExport(e.address())).isTrue();
      assertThat(h.mediaFile(barcode(arn))).exists();
    }
  }

  @Test
  void importThenExport_archivesTheTape_itsDataLandsInS3_andRetrievalBringsTheSameBytesBack()
      throws Exception {
    String arn = createTape("ARC", "archive-roundtrip");
    String bc = barcode(arn);
    h.awaitStatus(arn, "AVAILABLE");
    h.importTape(bc);
    byte[] data = randomBytes(256 * 1024 + 17, 42);
    h.writeThroughDrive(bc, data);
    int ie = h.exportTape(bc);

    h.awaitStatus(arn, "ARCHIVED");
    TapeInfo info = sgw.listTapes(r -> r.tapeARNs(arn)).tapeInfos().get(0);
    assertThat(info.gatewayARN()).as("an archived tape belongs to no gateway").isNull();
    assertThat(sgw.describeTapes(r -> r.gatewayARN(gw).tapeARNs(arn)).tapes()).isEmpty();
    TapeArchive archive = sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives().get(0);
    assertThat(archive.tapeStatus()).isEqualTo("ARCHIVED");
    assertThat(archive.completionTime()).isNotNull();
    assertThat(archive.tapeUsedInBytes()).isEqualTo(data.length);
    assertThat(h.shelfData(bc)).isEqualTo(data);
    assertThat(h.initiator().inventory().at(ie).orElseThrow().full())
        .as("the I/E element is cleared once the tape is archived")
        .isFalse();
    assertThat(h.locate(bc)).isEmpty();
    assertThat(h.mediaFile(bc)).doesNotExist();

    sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(arn));
    h.awaitStatus(arn, "RETRIEVED");
    TapeArchive retrieved = sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives().get(0);
    assertThat(retrieved.tapeStatus()).isEqualTo("RETRIEVED");
    assertThat(retrieved.retrievedTo()).isEqualTo(gw);
    Element back = h.locate(bc).orElseThrow();
    assertThat(back.type()).isEqualTo(ElementType.IMPORT_EXPORT);
    assertThat(Files.readAllBytes(h.mediaFile(bc))).isEqualTo(data);
    assertThat(Files.getPosixFilePermissions(h.mediaFile(bc)))
        .as("a retrieved tape is read-only")
        .doesNotContain(
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    assertThat(h.describe(arn).tapeStatus()).isEqualTo("RETRIEVED");

    // Import it, then eject it again: back to ARCHIVED without another upload.
    var before =
        h.s3()
            .headObject(b -> b.bucket(h.emulator().bucket()).key(Shelf.key(bc, Shelf.DATA)))
            .lastModified();
    h.importTape(bc);
    h.exportTape(bc);
    h.awaitStatus(arn, "ARCHIVED");
    var after =
        h.s3()
            .headObject(b -> b.bucket(h.emulator().bucket()).key(Shelf.key(bc, Shelf.DATA)))
            .lastModified();
    assertThat(after).isEqualTo(before);
    assertThat(h.locate(bc)).isEmpty();
  }

  @Test
  void importAlone_neverArchives_evenThroughADriveAndBack() {
    String arn = createTape("IMP", "import-only");
    String bc = barcode(arn);
    h.awaitStatus(arn, "AVAILABLE");
    int slot = h.importTape(bc);
    h.writeThroughDrive(bc, randomBytes(1000, 7));
    // Let several polls and the whole archive delay pass.
    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    while (System.nanoTime() < until) {
      h.emulator().tick();
    }
    assertThat(h.status(arn)).contains("AVAILABLE");
    assertThat(h.locate(bc).orElseThrow().address()).isEqualTo(slot);
    assertThat(sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives()).isEmpty();
  }
}
