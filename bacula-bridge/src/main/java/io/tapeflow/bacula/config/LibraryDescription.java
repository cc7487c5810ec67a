package io.tapeflow.bacula.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything {@link BaculaResources} needs to write a library's Bacula resources; validated when
 * built, so generation cannot fail. Build it with {@link #newBuilder()}.
 *
 * @param name the SD Autochanger's and the Director's Storage name; drives are NAME-drive-K
 * @param changerDevice the Changer Device (%c): tapeflow's changer URI or device path
 * @param changerCommand tapeflow's Changer Command program (the thin client)
 * @param archiveDevices one Archive Device per drive, in Drive Index order
 * @param mediaType the drives' Media Type
 * @param deviceKind tape drives or File devices
 * @param sdAddress where the Director reaches the storage daemon
 * @param sdPort the storage daemon's port
 * @param password how the Director's Storage resource gets the SD password
 * @param pools the Pool resources to write, each using this library
 * @param tapeflowCommand the {@code tapeflow} program the job-end RunScript runs
 * @param eventSpool the spool the job-end events go to, or null for tapeflow's default
 * @param volumeRetention the Pools' Volume Retention (e.g. {@code 6 months}), or null for Bacula's
 *     default
 */
public record LibraryDescription(
    String name,
    String changerDevice,
    String changerCommand,
    List<String> archiveDevices,
    String mediaType,
    DeviceKind deviceKind,
    String sdAddress,
    int sdPort,
    Password password,
    List<String> pools,
    String tapeflowCommand,
    String eventSpool,
    String volumeRetention) {

  public static final String DEFAULT_CHANGER_COMMAND = "/usr/lib/tapeflow/tapeflow-changer";
  public static final String DEFAULT_TAPEFLOW = "/usr/bin/tapeflow";
  public static final int DEFAULT_SD_PORT = 9103;

  private static final Pattern RETENTION =
      Pattern.compile(
          "[0-9]{1,6} ?(seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)");

  public LibraryDescription {
    ConfigValues.name("library name", name);
    // Bacula 9.6 refuses a Changer Device, Archive Device or Changer Command over 127 characters.
    ConfigValues.shortWord("changer device", changerDevice);
    ConfigValues.word("changer command", changerCommand);
    ConfigValues.notTooLong(
        "changer command line", changerCommand + BaculaResources.CHANGER_ARGUMENTS);
    archiveDevices = List.copyOf(archiveDevices);
    if (archiveDevices.isEmpty()) {
      throw new IllegalArgumentException("a library needs at least one drive");
    }
    archiveDevices.forEach(d -> ConfigValues.shortWord("archive device", d));
    ConfigValues.name("media type", mediaType);
    Objects.requireNonNull(deviceKind, "deviceKind");
    ConfigValues.word("storage daemon address", sdAddress);
    if (sdPort < 1 || sdPort > 65535) {
      throw new IllegalArgumentException("storage daemon port must be 1 to 65535, got " + sdPort);
    }
    Objects.requireNonNull(password, "password");
    pools = List.copyOf(pools);
    if (pools.isEmpty()) {
      throw new IllegalArgumentException("give at least one pool");
    }
    pools.forEach(p -> ConfigValues.name("pool name", p));
    if (pools.stream().distinct().count() != pools.size()) {
      throw new IllegalArgumentException("pool names repeat: " + pools);
    }
    ConfigValues.word("tapeflow command", tapeflowCommand);
    if (eventSpool != null) {
      ConfigValues.word("event spool", eventSpool);
    }
    if (volumeRetention != null && !RETENTION.matcher(volumeRetention).matches()) {
      throw new IllegalArgumentException(
          "volume retention '" + volumeRetention + "' is not a Bacula duration such as '6 months'");
    }
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.changerDevice = changerDevice;
    b.changerCommand = changerCommand;
    b.archiveDevices = new ArrayList<>(archiveDevices);
    b.mediaType = mediaType;
    b.deviceKind = deviceKind;
    b.sdAddress = sdAddress;
    b.sdPort = sdPort;
    b.password = password;
    b.pools = new ArrayList<>(pools);
    b.tapeflowCommand = tapeflowCommand;
    b.eventSpool = eventSpool;
    b.volumeRetention = volumeRetention;
    return b;
  }

  /** The Device resource name of drive {@code index}. */
  public String driveName(int index) {
    return name + "-drive-" + index;
  }

  /** The JobDefs name jobs use to write here and report their end to tapeflow. */
  public String jobDefsName() {
    return name + "-jobs";
  }

  /** Builder with the product's defaults (tape drives, SD port 9103, one pool "tapeflow"). */
  public static final class Builder {
    private String name = "tapeflow-library";
    private String changerDevice;
    private String changerCommand = DEFAULT_CHANGER_COMMAND;
    private List<String> archiveDevices = new ArrayList<>();
    private String mediaType;
    private DeviceKind deviceKind = DeviceKind.TAPE;
    private String sdAddress = "localhost";
    private int sdPort = DEFAULT_SD_PORT;
    private Password password = new Password.Placeholder();
    private List<String> pools = new ArrayList<>(List.of("tapeflow"));
    private String tapeflowCommand = DEFAULT_TAPEFLOW;
    private String eventSpool;
    private String volumeRetention;

    private Builder() {}

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder changerDevice(String v) {
      changerDevice = v;
      return this;
    }

    public Builder changerCommand(String v) {
      changerCommand = v;
      return this;
    }

    public Builder archiveDevices(List<String> v) {
      archiveDevices = new ArrayList<>(v);
      return this;
    }

    public Builder mediaType(String v) {
      mediaType = v;
      return this;
    }

    public Builder deviceKind(DeviceKind v) {
      deviceKind = v;
      return this;
    }

    public Builder sdAddress(String v) {
      sdAddress = v;
      return this;
    }

    public Builder sdPort(int v) {
      sdPort = v;
      return this;
    }

    public Builder password(Password v) {
      password = v;
      return this;
    }

    public Builder pools(List<String> v) {
      pools = new ArrayList<>(v);
      return this;
    }

    public Builder tapeflowCommand(String v) {
      tapeflowCommand = v;
      return this;
    }

    public Builder eventSpool(String v) {
      eventSpool = v;
      return this;
    }

    public Builder volumeRetention(String v) {
      volumeRetention = v;
      return this;
    }

    /**
     * The description.
     *
     * @throws IllegalArgumentException naming the first value that is missing or wrong
     */
    public LibraryDescription build() {
      return new LibraryDescription(
          name,
          changerDevice,
          changerCommand,
          archiveDevices,
          mediaType,
          deviceKind,
          sdAddress,
          sdPort,
          password,
          pools,
          tapeflowCommand,
          eventSpool,
          volumeRetention);
    }
  }
}
