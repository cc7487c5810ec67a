package io.tapeflow.workflows.lifecycle;

import java.time.Duration;
import java.time.Instant;

/** Test helpers: a clock and facts. */
final class Facts {
  private Facts() {}

  static final String BARCODE = "TAP001AB";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration HOLD = Duration.ofHours(24);

  static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static GatewayStatus gw(String status, long minutes) {
    return GatewayStatus.of(BARCODE, status, at(minutes));
  }

  static VolumeStatus vol(String status, long minutes) {
    return VolumeStatus.of(BARCODE, status, at(minutes));
  }

  static VolumeStatus volInDrive(
      String status, long minutes, int drive, Long job, boolean running) {
    return new VolumeStatus(BARCODE, status, at(minutes), 3, true, drive, job, running);
  }

  static TapeRecord advance(TapeRecord r, long minutes) {
    return TapeLifecycle.advance(r, at(minutes), HOLD);
  }
}
