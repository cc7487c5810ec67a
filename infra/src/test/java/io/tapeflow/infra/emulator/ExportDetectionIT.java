package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moves between two polls: the test polls by hand (the timer's interval is an hour), so what the
 * gateway sees is exactly what one element status read shows.
 */
class ExportDetectionIT {
  @TempDir Path dir;

  @Test
  void exportIntoTheSameImportExportElement_betweenTwoPolls_stillArchives() {
    try (EmulatorHarness h =
        EmulatorHarness.start(
            dir,
            c ->
                c.pollInterval(Duration.ofHours(1))
                    .delays(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)))) {
      String arn =
          h.sgw()
              .createTapeWithBarcode(
                  r ->
                      r.gatewayARN(h.gatewayArn())
                          .tapeSizeInBytes(100L << 30)
                          .tapeBarcode("SAME01"))
              .tapeARN();
      h.emulator().tick();
      assertThat(h.status(arn)).contains("AVAILABLE");
      int ie = h.locate("SAME01").orElseThrow().address();
      int slot = h.firstEmpty(ElementType.STORAGE);

      h.initiator().move(ie, slot);
      h.initiator().move(slot, ie);
      h.emulator().tick();

      assertThat(h.status(arn)).contains("IN TRANSIT TO VTS");
      assertThat(h.locate("SAME01").orElseThrow().address()).isEqualTo(ie);
    }
  }

  @Test
  void importAndBackIntoADriveAndSlot_betweenTwoPolls_neverArchives() {
    try (EmulatorHarness h =
        EmulatorHarness.start(
            dir,
            c ->
                c.pollInterval(Duration.ofHours(1))
                    .delays(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)))) {
      String arn =
          h.sgw()
              .createTapeWithBarcode(
                  r ->
                      r.gatewayARN(h.gatewayArn())
                          .tapeSizeInBytes(100L << 30)
                          .tapeBarcode("STAY01"))
              .tapeARN();
      h.emulator().tick();
      int ie = h.locate("STAY01").orElseThrow().address();
      int slot = h.firstEmpty(ElementType.STORAGE);
      int drive = h.firstEmpty(ElementType.DRIVE);
      h.initiator().move(ie, slot);
      h.emulator().tick();
      h.initiator().move(slot, drive);
      h.initiator().move(drive, slot);
      h.emulator().tick();
      assertThat(h.status(arn)).contains("AVAILABLE");
      assertThat(h.locate("STAY01").orElseThrow().address()).isEqualTo(slot);
    }
  }
}
