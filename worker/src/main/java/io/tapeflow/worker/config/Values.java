package io.tapeflow.worker.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers of the config's plain values; each throws IllegalArgumentException naming the value. */
final class Values {
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KiB|MiB|GiB|TiB|G|T)?", Pattern.CASE_INSENSITIVE);

  private Values() {}

  /** A path; a relative one is taken from the config file's folder. */
  static Path path(Path base, String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a path cannot contain a NUL character");
    }
    return base.resolve(text).normalize();
  }

  /** A path to a file this process can read (secrets, certificates). */
  static Path readableFile(Path base, String text) {
    Path p = path(base, text);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("'" + p + "' is not a file");
    }
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException("'" + p + "' cannot be read by this user");
    }
    return p;
  }

  /** {@code host:port}. */
  static String hostPort(String text) {
    Matcher m = HOST_PORT.matcher(text);
    if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
      throw new IllegalArgumentException(
          "'" + text + "' is not host:port (e.g. temporal.example.net:7233)");
    }
    return text;
  }

  /** {@code host:port} as a socket address, not resolved. */
  static InetSocketAddress socketAddress(String text) {
    String hp = hostPort(text);
    int colon = hp.lastIndexOf(':');
    String host = hp.substring(0, colon).replace("[", "").replace("]", "");
    return InetSocketAddress.createUnresolved(host, Integer.parseInt(hp.substring(colon + 1)));
  }

  /** An http(s) endpoint such as {@code https://storagegateway.eu-west-1.amazonaws.com}. */
  static URI endpoint(String text) {
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason(), e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an http:// or https:// URL with a host");
    }
    if (u.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "'" + u.getHost() + "…' has credentials in the URL: use the AWS credential chain");
    }
    return u;
  }

  /** A size: bytes, or with a unit (GiB, TiB; G and T mean the same). */
  static long size(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (e.g. 100GiB, 2.5TiB, or a number of bytes)");
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "KIB" -> 1L << 10;
          case "MIB" -> 1L << 20;
          case "GIB", "G" -> 1L << 30;
          case "TIB", "T" -> 1L << 40;
          default -> 1L;
        };
    double v = Double.parseDouble(m.group(1)) * factor;
    if (v > 9.0e18) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return Math.round(v);
  }
}
