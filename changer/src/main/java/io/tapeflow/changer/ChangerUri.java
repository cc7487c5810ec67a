package io.tapeflow.changer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a changer is reached, parsed and validated once:
 *
 * <ul>
 *   <li>{@code iscsi://[user[%password]@]host[:port]/target-iqn/lun} — straight over iSCSI
 *       (libiscsi); port 3260 by default; host a name, an IPv4 address or {@code [IPv6]}.
 *   <li>{@code /dev/sg8}, {@code /dev/tape/by-id/scsi-…-changer} — a Linux SCSI generic node
 *       (SG_IO); symlinks are resolved when the device is opened, not here.
 *   <li>{@code mtx:/dev/sg8} — through the {@code mtx} program; addresses are then mtx's numbers.
 * </ul>
 *
 * {@link #toString()} never shows the password; {@link #canonical()} is the credential-free form
 * used to name the changer when it reports no serial number.
 */
public final class ChangerUri {

  /** Which transport the URI selects. */
  public enum Kind {
    ISCSI,
    DEVICE,
    MTX
  }

  public static final int DEFAULT_ISCSI_PORT = 3260;
  public static final int MAX_LUN = 16383;

  private final Kind kind;
  private final String host;
  private final int port;
  private final String targetIqn;
  private final int lun;
  private final String user;
  private final String password;
  private final String devicePath;

  private ChangerUri(
      Kind kind,
      String host,
      int port,
      String targetIqn,
      int lun,
      String user,
      String password,
      String devicePath) {
    this.kind = kind;
    this.host = host;
    this.port = port;
    this.targetIqn = targetIqn;
    this.lun = lun;
    this.user = user;
    this.password = password;
    this.devicePath = devicePath;
  }

  /**
   * Parses a changer URI.
   *
   * @throws IllegalArgumentException naming what is wrong (the password is never repeated)
   */
  public static ChangerUri parse(String text) {
    return ChangerUriParser.parse(text);
  }

  /** A URI of the iSCSI kind; the parser has validated every part. */
  static ChangerUri iscsi(
      String host, int port, String targetIqn, int lun, String user, String password) {
    return new ChangerUri(Kind.ISCSI, host, port, targetIqn, lun, user, password, null);
  }

  /** A URI of the device or mtx kind; the parser has validated the path. */
  static ChangerUri device(Kind kind, String devicePath) {
    return new ChangerUri(kind, null, 0, null, 0, null, null, devicePath);
  }

  public Kind kind() {
    return kind;
  }

  /** The iSCSI host; only for {@link Kind#ISCSI}. */
  public String host() {
    return requireIscsi(host);
  }

  /** The iSCSI port; only for {@link Kind#ISCSI}. */
  public int port() {
    requireIscsi(host);
    return port;
  }

  /** {@code host:port} as libiscsi wants it ({@code [v6]:port} for IPv6). */
  public String portal() {
    requireIscsi(host);
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The target's iSCSI name; only for {@link Kind#ISCSI}. */
  public String targetIqn() {
    return requireIscsi(targetIqn);
  }

  /** The LUN; only for {@link Kind#ISCSI}. */
  public int lun() {
    requireIscsi(host);
    return lun;
  }

  /** The CHAP user, if the URI names one. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** The CHAP secret, if the URI has one. Never logged or printed by tapeflow. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The device path; only for {@link Kind#DEVICE} and {@link Kind#MTX}. */
  public Path devicePath() {
    if (devicePath == null) {
      throw new IllegalStateException("an iscsi:// changer URI has no device path");
    }
    return Path.of(devicePath);
  }

  private <T> T requireIscsi(T value) {
    if (kind != Kind.ISCSI) {
      throw new IllegalStateException("a " + kind + " changer URI has no iSCSI fields");
    }
    return value;
  }

  /**
   * The credential-free, normalised form: lower-case host and target name, explicit port. Two URIs
   * reaching the same target the same way have the same canonical form.
   */
  public String canonical() {
    return switch (kind) {
      case ISCSI ->
          "iscsi://"
              + (host.contains(":")
                  ? "[" + host.toLowerCase(Locale.ROOT) + "]"
                  : host.toLowerCase(Locale.ROOT))
              + ":"
              + port
              + "/"
              + targetIqn.toLowerCase(Locale.ROOT)
              + "/"
              + lun;
      case DEVICE -> devicePath;
      case MTX -> "mtx:" + devicePath;
    };
  }

  /** The URI with its port spelled out and the password replaced by {@code ***}. */
  @Override
  public String toString() {
    if (kind != Kind.ISCSI) {
      return canonical();
    }
    String auth = user == null ? "" : user + (password == null ? "" : "%***") + "@";
    return "iscsi://"
        + auth
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + targetIqn
        + "/"
        + lun;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangerUri u
        && canonical().equals(u.canonical())
        && Objects.equals(user, u.user)
        && Objects.equals(password, u.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(canonical(), user);
  }
}
