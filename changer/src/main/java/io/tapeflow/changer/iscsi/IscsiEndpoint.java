package io.tapeflow.changer.iscsi;

import java.util.Objects;

/**
 * Where an iSCSI logical unit is: portal, target IQN, LUN and optional CHAP credentials. {@link
 * #toString()} never shows the secret.
 *
 * @param host the portal's host name or address
 * @param port the portal's TCP port (3260 is the iSCSI default)
 * @param targetIqn the target's iSCSI qualified name
 * @param lun the logical unit number (the AWS gateway uses 0; tgt needs 1 or more)
 * @param chapUser the CHAP user, or null without CHAP
 * @param chapSecret the CHAP secret, or null without CHAP
 */
public record IscsiEndpoint(
    String host, int port, String targetIqn, int lun, String chapUser, String chapSecret) {

  public IscsiEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(targetIqn, "targetIqn");
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "iSCSI portal host is empty or has spaces: '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("iSCSI portal port must be 1 to 65535, got " + port);
    }
    if (targetIqn.isBlank() || targetIqn.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException(
          "iSCSI target name is empty or has spaces or control characters: '" + targetIqn + "'");
    }
    if (lun < 0 || lun > 16383) {
      throw new IllegalArgumentException("LUN must be 0 to 16383, got " + lun);
    }
    if ((chapUser == null) != (chapSecret == null)) {
      throw new IllegalArgumentException("CHAP needs both a user and a secret");
    }
  }

  /** An endpoint without CHAP. */
  public static IscsiEndpoint of(String host, int port, String targetIqn, int lun) {
    return new IscsiEndpoint(host, port, targetIqn, lun, null, null);
  }

  /** {@code host:port}, as libiscsi wants the portal (IPv6 hosts in brackets). */
  public String portal() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  public boolean hasChap() {
    return chapUser != null;
  }

  /** {@code iscsi://[user@]host:port/iqn/lun}, without the secret. */
  @Override
  public String toString() {
    return "iscsi://" + (hasChap() ? chapUser + "@" : "") + portal() + "/" + targetIqn + "/" + lun;
  }
}
