package io.tapeflow.changer;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses and validates the text of a {@link ChangerUri}: every part is checked against what the
 * transport accepts, and an error names the part that is wrong without repeating the password.
 */
final class ChangerUriParser {
  private static final String FORMS =
      "expected iscsi://[user[%password]@]host[:port]/target-iqn/lun, a device path such as"
          + " /dev/sg8, or mtx:/dev/sgN";
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
  private static final Pattern IQN =
      Pattern.compile(
          "iqn\\.\\d{4}-\\d{2}\\.[A-Za-z0-9](?:[A-Za-z0-9.:-]*[A-Za-z0-9])?"
              + "|eui\\.[0-9A-Fa-f]{16}|naa\\.(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+=:-]{1,255}");
  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._:+@,=-]+");

  /**
   * Parses a changer URI.
   *
   * @throws IllegalArgumentException naming what is wrong (the password is never repeated)
   */
  static ChangerUri parse(String text) {
    Objects.requireNonNull(text, "changer URI");
    String t = text.strip();
    if (t.isEmpty()) {
      throw bad(text, "it is empty");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw bad(text, "it contains a space or a non-ASCII or control character");
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("iscsi://")) {
      return parseIscsi(text, t.substring("iscsi://".length()));
    }
    if (lower.startsWith("mtx:")) {
      return ChangerUri.device(ChangerUri.Kind.MTX, devicePath(text, t.substring(4)));
    }
    if (t.startsWith("/")) {
      return ChangerUri.device(ChangerUri.Kind.DEVICE, devicePath(text, t));
    }
    if (lower.contains("://")) {
      throw bad(text, "the scheme is not iscsi://");
    }
    throw bad(text, "it is neither an iscsi:// URI, an absolute device path nor mtx:PATH");
  }

  private static ChangerUri parseIscsi(String text, String rest) {
    String user = null;
    String password = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int pct = userInfo.indexOf('%');
      user = pct < 0 ? userInfo : userInfo.substring(0, pct);
      if (!USER.matcher(user).matches()) {
        throw bad(
            text,
            "the user name before '@' is empty or has characters outside A-Z a-z 0-9 . _ ~ + = : -");
      }
      if (pct >= 0) {
        password = userInfo.substring(pct + 1);
        if (password.isEmpty()) {
          throw bad(text, "the password after '%' is empty");
        }
      }
    }
    String host;
    int i;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw bad(text, "the IPv6 address has no closing ']'");
      }
      host = rest.substring(1, close);
      if (!IPV6.matcher(host).matches() || !host.contains(":")) {
        throw bad(text, "'" + host + "' is not an IPv6 address");
      }
      i = close + 1;
    } else {
      i = 0;
      while (i < rest.length() && rest.charAt(i) != ':' && rest.charAt(i) != '/') {
        i++;
      }
      host = rest.substring(0, i);
      if (host.isEmpty()) {
        throw bad(text, "the host is missing");
      }
      if (!HOST_NAME.matcher(host).matches()) {
        throw bad(text, "'" + host + "' is not a host name or IPv4 address");
      }
    }
    int port = ChangerUri.DEFAULT_ISCSI_PORT;
    if (i < rest.length() && rest.charAt(i) == ':') {
      int slash = rest.indexOf('/', i);
      String p = slash < 0 ? rest.substring(i + 1) : rest.substring(i + 1, slash);
      port = number(text, p, "port", 1, 65535);
      i = slash < 0 ? rest.length() : slash;
    }
    if (i >= rest.length() || rest.charAt(i) != '/') {
      throw bad(text, "the /target-iqn/lun part is missing");
    }
    String[] path = rest.substring(i + 1).split("/", -1);
    if (path.length != 2 || path[0].isEmpty() || path[1].isEmpty()) {
      throw bad(text, "after the host there must be exactly /target-iqn/lun");
    }
    if (!IQN.matcher(path[0]).matches()) {
      throw bad(
          text,
          "'"
              + path[0]
              + "' is not an iSCSI target name (iqn.YYYY-MM.reversed.domain[:id], eui.… or"
              + " naa.…)");
    }
    int lun = number(text, path[1], "LUN", 0, ChangerUri.MAX_LUN);
    return ChangerUri.iscsi(host, port, path[0], lun, user, password);
  }

  private static String devicePath(String text, String p) {
    if (!p.startsWith("/")) {
      throw bad(text, "the device path must be absolute, e.g. /dev/sg8");
    }
    String[] segments = p.substring(1).split("/", -1);
    for (String s : segments) {
      if (s.isEmpty() || s.equals(".") || s.equals("..")) {
        throw bad(text, "the device path has an empty, '.' or '..' segment");
      }
      if (!PATH_SEGMENT.matcher(s).matches()) {
        throw bad(text, "the device path has characters outside A-Z a-z 0-9 . _ : + @ , = -");
      }
    }
    return p;
  }

  private static int number(String text, String s, String what, int min, int max) {
    if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(Character::isDigit)) {
      throw bad(text, "the " + what + " '" + s + "' is not a number");
    }
    int v = Integer.parseInt(s);
    if (v < min || v > max) {
      throw bad(text, "the " + what + " " + v + " is outside " + min + ".." + max);
    }
    return v;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException(
        "invalid changer URI '" + redact(text) + "': " + why + "; " + FORMS);
  }

  /** The text with anything between '%' and the last '@' of an iscsi:// URI masked. */
  static String redact(String text) {
    int scheme = text.toLowerCase(Locale.ROOT).indexOf("iscsi://");
    int at = text.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return text;
    }
    int pct = text.indexOf('%', scheme);
    if (pct < 0 || pct > at) {
      return text;
    }
    return text.substring(0, pct + 1) + "***" + text.substring(at);
  }

  private ChangerUriParser() {}
}
