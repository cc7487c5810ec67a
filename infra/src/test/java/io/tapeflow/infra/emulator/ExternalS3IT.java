package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.infra.emulator.shelf.EmbeddedS3;
import io.tapeflow.infra.emulator.shelf.Shelf;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** With {@code --s3-endpoint}, the shelf is that S3 (here a separate S3Proxy), bucket created. */
class ExternalS3IT {
  @TempDir Path dir;

  @Test
  void archivedTape_landsInTheGivenS3AndBucket() {
    try (EmbeddedS3 other = EmbeddedS3.start(dir.resolve("other-s3"));
        EmulatorHarness h =
            EmulatorHarness.start(
                dir,
                c ->
                    c.s3(other.endpoint(), "elsewhere-vts")
                        .delays(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(200)));
        S3Client s3 =
            S3Client.builder()
                .endpointOverride(other.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(EmulatorHarness.CREDENTIALS)
                .forcePathStyle(true)
                .build()) {
      assertThat(h.emulator().s3Endpoint()).isEqualTo(other.endpoint());
      String arn =
          h.sgw()
              .createTapeWithBarcode(
                  r ->
                      r.gatewayARN(h.gatewayArn())
                          .tapeSizeInBytes(100L << 30)
                          .tapeBarcode("EXT001"))
              .tapeARN();
      h.awaitStatus(arn, "AVAILABLE");
      h.importTape("EXT001");
      byte[] data = "kept in another S3".getBytes(StandardCharsets.US_ASCII);
      h.writeThroughDrive("EXT001", data);
      h.exportTape("EXT001");
      h.awaitStatus(arn, "ARCHIVED");
      assertThat(
              s3.getObjectAsBytes(
                      b -> b.bucket("elsewhere-vts").key(Shelf.key("EXT001", Shelf.DATA)))
                  .asByteArray())
          .isEqualTo(data);
    }
  }
}
