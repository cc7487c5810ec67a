package io.tapeflow.infra.emulator;

import io.tapeflow.infra.emulator.faults.FaultSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the emulator is started with, validated when built.
 *
 * @param listenHost API address
 * @param listenPort API port, 0 for a free one
 * @param stateDir where the state, the library's files and the embedded S3's buckets live
 * @param portalHost iSCSI portal address
 * @param portalPort iSCSI portal port, 0 for a free one
 * @param drives number of tape drives (AWS: 10)
 * @param slots number of storage elements (AWS: 1600)
 * @param ieSlots number of import/export elements (AWS: 1600)
 * @param createDelay CREATING → AVAILABLE
 * @param archiveDelay export → ARCHIVED
 * @param retrieveDelay RetrieveTapeArchive → RETRIEVED
 * @param pollInterval how often element status is read
 * @param faults API faults
 * @param mediaDir the tapes' data files and drive links
 * @param s3Endpoint an S3 to use as the shelf, or null for the embedded S3Proxy
 * @param s3Bucket the shelf bucket
 * @param gatewayName the gateway's name
 */
public record EmulatorConfig(
    String listenHost,
    int listenPort,
    Path stateDir,
    String portalHost,
    int portalPort,
    int drives,
    int slots,
    int ieSlots,
    Duration createDelay,
    Duration archiveDelay,
    Duration retrieveDelay,
    Duration pollInterval,
    FaultSpec faults,
    Path mediaDir,
    URI s3Endpoint,
    String s3Bucket,
    String gatewayName) {

  public EmulatorConfig {
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(portalHost, "portalHost");
    Objects.requireNonNull(faults, "faults");
    port("--listen", listenPort);
    port("--iscsi-portal", portalPort);
    if (drives < 1 || drives > 10) {
      throw new IllegalArgumentException(
          "--drives " + drives + ": a tape gateway has 1 to 10 drives");
    }
    if (slots < 1 || slots > 1600) {
      throw new IllegalArgumentException("--slots " + slots + ": choose 1 to 1600 storage slots");
    }
    if (ieSlots < 1 || ieSlots > 1600) {
      throw new IllegalArgumentException("--ie-slots " + ieSlots + ": choose 1 to 1600 I/E slots");
    }
    if (s3Bucket == null || !s3Bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "--s3-bucket '" + s3Bucket + "' is not a valid bucket name (3-63 of a-z 0-9 . -)");
    }
    stateDir = stateDir.toAbsolutePath().normalize();
    mediaDir =
        (mediaDir == null ? stateDir.resolve("media") : mediaDir).toAbsolutePath().normalize();
  }

  private static void port(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + ": port " + port + " is not 0 to 65535");
    }
  }

  /** A configuration with the defaults, for tests to adjust. */
  public static EmulatorConfig defaults(Path stateDir) {
    return new EmulatorConfig(
        "127.0.0.1",
        0,
        stateDir,
        "127.0.0.1",
        0,
        10,
        1600,
        1600,
        Duration.ZERO,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMillis(200),
        FaultSpec.NONE,
        null,
        null,
        "tapeflow-vts",
        "tapeflow-emulator");
  }

  /** The same configuration with another library size. */
  public EmulatorConfig withLibrary(int drives, int slots, int ieSlots) {
    return new EmulatorConfig(
        listenHost,
        listenPort,
        stateDir,
        portalHost,
        portalPort,
        drives,
        slots,
        ieSlots,
        createDelay,
        archiveDelay,
        retrieveDelay,
        pollInterval,
        faults,
        mediaDir,
        s3Endpoint,
        s3Bucket,
        gatewayName);
  }

  /** The same configuration with other delays. */
  public EmulatorConfig withDelays(Duration create, Duration archive, Duration retrieve) {
    return new EmulatorConfig(
        listenHost,
        listenPort,
        stateDir,
        portalHost,
        portalPort,
        drives,
        slots,
        ieSlots,
        create,
        archive,
        retrieve,
        pollInterval,
        faults,
        mediaDir,
        s3Endpoint,
        s3Bucket,
        gatewayName);
  }

  /** The same configuration with other faults. */
  public EmulatorConfig withFaults(FaultSpec spec) {
    return new EmulatorConfig(
        listenHost,
        listenPort,
        stateDir,
        portalHost,
        portalPort,
        drives,
        slots,
        ieSlots,
        createDelay,
        archiveDelay,
        retrieveDelay,
        pollInterval,
        spec,
        mediaDir,
        s3Endpoint,
        s3Bucket,
        gatewayName);
  }

  /** The same configuration with its shelf in another S3 (null: the embedded S3Proxy). */
  public EmulatorConfig withS3(URI endpoint, String bucket) {
    return new EmulatorConfig(
        listenHost,
        listenPort,
        stateDir,
        portalHost,
        portalPort,
        drives,
        slots,
        ieSlots,
        createDelay,
        archiveDelay,
        retrieveDelay,
        pollInterval,
        faults,
        mediaDir,
        endpoint,
        bucket,
        gatewayName);
  }

  /** The same configuration with another poll interval. */
  public EmulatorConfig withPollInterval(Duration interval) {
    return new EmulatorConfig(
        listenHost,
        listenPort,
        stateDir,
        portalHost,
        portalPort,
        drives,
        slots,
        ieSlots,
        createDelay,
        archiveDelay,
        retrieveDelay,
        interval,
        faults,
        mediaDir,
        s3Endpoint,
        s3Bucket,
        gatewayName);
  }
}
