package io.tapeflow.infra.emulator;

import static io.tapeflow.infra.emulator.testing.EmulatorHarness.barcode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import io.tapeflow.infra.emulator.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted emulator on the same state directory rebuilds its library with every tape where it
 * was (I/E, storage, drive) and resumes the archives and retrievals that were under way.
 */
class RestartIT {
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;

  @Test
  void restart_midArchive_keepsEveryTapeWhereItWas_andTheArchiveCompletes() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
    try (EmulatorHarness h =
        EmulatorHarness.start(dir, c -> c.delays(Duration.ZERO, HOUR, HOUR), clock)) {
      var sgw = h.sgw();
      String gw = h.gatewayArn();
      Map<String, String> tapes = new LinkedHashMap<>();
      for (String bc : new String[] {"RSTIE1", "RSTSL1", "RSTDR1", "RSTEX1", "RSTRV1"}) {
        tapes.put(
            bc,
            sgw.createTapeWithBarcode(
                    r -> r.gatewayARN(gw).tapeSizeInBytes(100L << 30).tapeBarcode(bc))
                .tapeARN());
      }
      tapes.values().forEach(arn -> h.awaitStatus(arn, "AVAILABLE"));

      h.importTape("RSTSL1");
      int driveSlot = h.importTape("RSTDR1");
      int drive1 = h.emulator().layout().driveAddresses().get(1);
      h.initiator().move(driveSlot, drive1);

      // One tape archived and being retrieved, one exported and in transit.
      h.importTape("RSTRV1");
      h.exportTape("RSTRV1");
      h.awaitStatus(tapes.get("RSTRV1"), "IN TRANSIT TO VTS");
      clock.advance(HOUR);
      h.awaitStatus(tapes.get("RSTRV1"), "ARCHIVING");
      clock.advance(HOUR);
      h.awaitStatus(tapes.get("RSTRV1"), "ARCHIVED");
      sgw.retrieveTapeArchive(r -> r.gatewayARN(gw).tapeARN(tapes.get("RSTRV1")));

      byte[] data =
          "bytes written before the restart".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      h.importTape("RSTEX1");
      h.writeThroughDrive("RSTEX1", data);
      h.exportTape("RSTEX1");
      h.awaitStatus(tapes.get("RSTEX1"), "IN TRANSIT TO VTS");

      Map<String, Element> before = new LinkedHashMap<>();
      for (String bc : tapes.keySet()) {
        h.locate(bc).ifPresent(e -> before.put(bc, e));
      }
      assertThat(before).containsOnlyKeys("RSTIE1", "RSTSL1", "RSTDR1", "RSTEX1");
      assertThat(before.get("RSTDR1").address()).isEqualTo(drive1);

      h.restart();

      for (Map.Entry<String, Element> e : before.entrySet()) {
        Element now =
            h.locate(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey() + " lost"));
        assertThat(now.type()).as(e.getKey()).isEqualTo(e.getValue().type());
        assertThat(now.address()).as(e.getKey()).isEqualTo(e.getValue().address());
      }
      assertThat(h.status(tapes.get("RSTIE1"))).contains("AVAILABLE");
      assertThat(h.status(tapes.get("RSTEX1"))).contains("IN TRANSIT TO VTS");
      assertThat(h.status(tapes.get("RSTRV1"))).contains("RETRIEVING");
      Path link = h.emulator().mediaDir().resolve("drive-1");
      EmulatorHarness.await(
          "drive-1 points at RSTDR1",
          () -> {
            try {
              return Files.readSymbolicLink(link).toString().equals("RSTDR1");
            } catch (java.io.IOException e) {
              return false;
            }
          });
      assertThat(h.describe(tapes.get("RSTDR1")).vtlDevice()).endsWith("_TAPEDRIVE_00002");

      clock.advance(HOUR);
      h.awaitStatus(tapes.get("RSTEX1"), "ARCHIVING");
      h.awaitStatus(tapes.get("RSTRV1"), "RETRIEVED");
      clock.advance(HOUR);
      h.awaitStatus(tapes.get("RSTEX1"), "ARCHIVED");
      assertThat(h.shelfData("RSTEX1")).isEqualTo(data);
      assertThat(h.locate("RSTEX1")).isEmpty();
      assertThat(h.locate("RSTRV1").orElseThrow().type()).isEqualTo(ElementType.IMPORT_EXPORT);
      assertThat(barcode(tapes.get("RSTRV1"))).isEqualTo("RSTRV1");
    }
  }
}
