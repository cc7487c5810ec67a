package io.tapeflow.infra.emulator;

import io.tapeflow.infra.emulator.faults.FaultSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the emulator is started with, validated when built. Build one with {@link
 * #newBuilder()} (AWS-sized defaults) or change one with {@link #toBuilder()}.
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
    Objects.requireNonNull(stateDir, "--state: a state directory is required");
    Objects.requireNonNull(portalHost, "portalHost");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(createDelay, "createDelay");
    Objects.requireNonNull(archiveDelay, "archiveDelay");
    Objects.requireNonNull(retrieveDelay, "retrieveDelay");
    Objects.requireNonNull(pollInterval, "pollInterval");
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

  /**
   * A builder with the defaults: API and portal on 127.0.0.1 with free ports, an AWS-sized library
   * (10 drives, 1600 + 1600 slots), no create delay, 10 s to archive, 30 s to retrieve, no faults,
   * the embedded S3. The state directory has no default.
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds an {@link EmulatorConfig}; {@link #build} validates. */
  public static final class Builder {
    private String listenHost = "127.0.0.1";
    private int listenPort;
    private Path stateDir;
    private String portalHost = "127.0.0.1";
    private int portalPort;
    private int drives = 10;
    private int slots = 1600;
    private int ieSlots = 1600;
    private Duration createDelay = Duration.ZERO;
    private Duration archiveDelay = Duration.ofSeconds(10);
    private Duration retrieveDelay = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofMillis(200);
    private FaultSpec faults = FaultSpec.NONE;
    private Path mediaDir;
    private URI s3Endpoint;
    private String s3Bucket = "tapeflow-vts";
    private String gatewayName = "tapeflow-emulator";

    private Builder() {}

    private Builder(EmulatorConfig c) {
      listenHost = c.listenHost;
      listenPort = c.listenPort;
      stateDir = c.stateDir;
      portalHost = c.portalHost;
      portalPort = c.portalPort;
      drives = c.drives;
      slots = c.slots;
      ieSlots = c.ieSlots;
      createDelay = c.createDelay;
      archiveDelay = c.archiveDelay;
      retrieveDelay = c.retrieveDelay;
      pollInterval = c.pollInterval;
      faults = c.faults;
      mediaDir = c.mediaDir;
      s3Endpoint = c.s3Endpoint;
      s3Bucket = c.s3Bucket;
      gatewayName = c.gatewayName;
    }

    /** Where the API listens; port 0 for a free one. */
    public Builder listen(String host, int port) {
      this.listenHost = host;
      this.listenPort = port;
      return this;
    }

    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir;
      return this;
    }

    /** The library's iSCSI portal; port 0 for a free one. */
    public Builder portal(String host, int port) {
      this.portalHost = host;
      this.portalPort = port;
      return this;
    }

    /** The library's size. */
    public Builder library(int drives, int slots, int ieSlots) {
      this.drives = drives;
      this.slots = slots;
      this.ieSlots = ieSlots;
      return this;
    }

    /** CREATING → AVAILABLE, export → ARCHIVED, RetrieveTapeArchive → RETRIEVED. */
    public Builder delays(Duration create, Duration archive, Duration retrieve) {
      this.createDelay = create;
      this.archiveDelay = archive;
      this.retrieveDelay = retrieve;
      return this;
    }

    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    public Builder faults(FaultSpec faults) {
      this.faults = faults;
      return this;
    }

    /** The tapes' data files and drive links; null for {@code STATE/media}. */
    public Builder mediaDir(Path mediaDir) {
      this.mediaDir = mediaDir;
      return this;
    }

    /** The shelf's S3 (null: the embedded S3Proxy) and bucket. */
    public Builder s3(URI endpoint, String bucket) {
      this.s3Endpoint = endpoint;
      this.s3Bucket = bucket;
      return this;
    }

    public Builder gatewayName(String gatewayName) {
      this.gatewayName = gatewayName;
      return this;
    }

    /**
     * The configuration, validated.
     *
     * @throws IllegalArgumentException naming the option of a value out of range
     * @throws NullPointerException when the state directory was not given
     */
    public EmulatorConfig build() {
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
  }
}
