package io.tapeflow.bacula.model;

import java.util.regex.Pattern;

/**
 * The one check every Bacula name goes through before it can reach bconsole: 1 to 127 characters
 * from {@code A-Z a-z 0-9 : . _ -} (Bacula's {@code is_volume_name_legal}). Everything else is
 * refused with a message naming the first problem, most dangerous first (line breaks end a command,
 * a leading {@code @} runs a bconsole-local command such as {@code @exec}, quotes regroup
 * arguments, {@code =} and spaces smuggle a second keyword).
 */
public final class Names {
  /** Bacula's legal name characters and length. */
  public static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9:._-]{1,127}");

  /** The longest name Bacula accepts. */
  public static final int MAX_LENGTH = 127;

  private static final String RULE = "Bacula names are 1-127 characters from A-Z a-z 0-9 : . _ -";

  private Names() {}

  /**
   * Returns {@code value} if it is a legal Bacula name.
   *
   * @param kind what the value is, for the message ("volume name", "pool name", ...)
   * @throws InvalidValueException naming what is wrong
   */
  public static String require(String kind, String value) {
    if (value == null) {
      throw new InvalidValueException(kind + " is missing; " + RULE);
    }
    if (LEGAL.matcher(value).matches()) {
      return value;
    }
    throw new InvalidValueException(kind + " " + quote(value) + " " + problem(value) + "; " + RULE);
  }

  /** The first thing wrong with a value that is not a legal name, as a phrase. */
  static String problem(String value) {
    if (value.isEmpty()) {
      return "is empty";
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return "contains a line break, which would end the command and start another";
    }
    if (value.charAt(0) == '@') {
      return "starts with '@', which bconsole runs as a local command (@exec runs a program)";
    }
    if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
      return "contains a quote, which would regroup the command's arguments";
    }
    if (value.indexOf('=') >= 0) {
      return "contains '=', which would add a keyword to the command";
    }
    if (value.length() > MAX_LENGTH) {
      return "is " + value.length() + " characters long";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        return "contains whitespace, which would split it into two arguments";
      }
      if (!LEGAL.matcher(String.valueOf(c)).matches()) {
        return "contains the character " + describe(c);
      }
    }
    return "is not a legal name";
  }

  /** A value quoted for a message, with control characters made visible and long values cut. */
  public static String quote(String value) {
    StringBuilder b = new StringBuilder("\"");
    int limit = Math.min(value.length(), 60);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '"' -> b.append("\\\"");
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (value.length() > limit) {
      b.append("...");
    }
    return b.append('"').toString();
  }

  private static String describe(char c) {
    return Character.isISOControl(c)
        ? String.format("U+%04X", (int) c)
        : "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
  }
}
