package io.tapeflow.infra.emulator.gateway;

import java.time.Duration;

/**
 * How the emulated gateway behaves.
 *
 * @param gatewayName the gateway's name
 * @param createDelay how long a new tape stays CREATING before it is put into an I/E element
 * @param archiveDelay from export to ARCHIVED: half IN TRANSIT TO VTS (the upload runs then; the
 *     phase lasts at least as long as the upload), half ARCHIVING
 * @param retrieveDelay how long a tape stays RETRIEVING before it appears in an I/E element
 * @param pollInterval how often the library's element status is read
 * @param maxTapes most tapes the VTL holds at once (AWS: 1,500)
 */
public record GatewaySettings(
    String gatewayName,
    Duration createDelay,
    Duration archiveDelay,
    Duration retrieveDelay,
    Duration pollInterval,
    int maxTapes) {

  public GatewaySettings {
    if (gatewayName == null || gatewayName.isBlank() || gatewayName.length() > 255) {
      throw new IllegalArgumentException("gateway name must be 1 to 255 characters");
    }
    for (Duration d : new Duration[] {createDelay, archiveDelay, retrieveDelay}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("delays must not be negative: " + d);
      }
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
    }
    if (maxTapes < 1) {
      throw new IllegalArgumentException("the VTL must hold at least one tape");
    }
  }

  /** The IN TRANSIT TO VTS part of the archive delay. */
  Duration inTransit() {
    return archiveDelay.dividedBy(2);
  }

  /** The ARCHIVING part of the archive delay. */
  Duration archiving() {
    return archiveDelay.minus(inTransit());
  }
}
