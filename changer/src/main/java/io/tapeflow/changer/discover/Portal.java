package io.tapeflow.changer.discover;

import java.util.Objects;

/**
 * An iSCSI portal to discover: {@code HOST[:PORT]}, with an IPv6 address in brackets.
 *
 * @param host a host name or an address (IPv6 without brackets)
 * @param port the TCP port, 3260 unless given
 */
public record Portal(String host, int port) {
  public static final int DEFAULT_PORT = 3260;

  public Portal {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
      throw new IllegalArgumentException(
          "portal host '" + host + "' is not a host name or an IP address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("portal port must be 1 to 65535, got " + port);
    }
  }

  /**
   * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code [IPv6]:PORT}; also the {@code
   * HOST:PORT,TPGT} form SendTargets answers with (the portal group tag is dropped).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Portal parse(String text) {
    Objects.requireNonNull(text, "portal");
    String s = text.strip();
    int comma = s.lastIndexOf(',');
    if (comma > 0 && s.substring(comma + 1).matches("[0-9]+")) {
      s = s.substring(0, comma);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty portal: give HOST or HOST:PORT");
    }
    String host;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("portal '" + text + "' has '[' without ']'");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("portal '" + text + "': expected ':PORT' after ']'");
        }
        port = rest.substring(1);
      }
    } else if (s.indexOf(':') != s.lastIndexOf(':')) {
      host = s; // a bare IPv6 address
    } else {
      int colon = s.indexOf(':');
      host = colon < 0 ? s : s.substring(0, colon);
      port = colon < 0 ? null : s.substring(colon + 1);
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      if (!port.matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException(
            "portal '" + text + "': port '" + port + "' is not a number");
      }
      p = Integer.parseInt(port);
    }
    try {
      return new Portal(host, p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("portal '" + text + "': " + e.getMessage(), e);
    }
  }

  /** {@code host:port}, IPv6 in brackets: what libiscsi and {@code iscsiadm -p} take. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
