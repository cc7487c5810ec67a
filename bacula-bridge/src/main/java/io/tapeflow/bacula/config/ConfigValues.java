package io.tapeflow.bacula.config;

import io.tapeflow.bacula.model.InvalidValueException;
import java.util.regex.Pattern;

/** Checks on values written into Bacula configuration, so none can break out of its quotes. */
final class ConfigValues {
  /** Resource names: Bacula allows letters, digits, space and {@code _-.:}; we leave out space. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,126}");

  /** Paths and URIs: printable, no space (Bacula splits commands on spaces), no quote, no \. */
  private static final Pattern WORD = Pattern.compile("[!#-\\[\\]-~]{1,1000}");

  /**
   * A password file's content as Bacula reads it unquoted through an {@code @} include: tested with
   * Bacula 9.6 ({@code =} and {@code #} end the token, so they are left out).
   */
  private static final Pattern BARE_TOKEN = Pattern.compile("[A-Za-z0-9._+/!$%^&*()~-]{1,127}");

  private ConfigValues() {}

  static String name(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidValueException(
          what
              + " '"
              + value
              + "' is not a Bacula resource name (letters, digits, _ . : -; up to 127)");
    }
    return value;
  }

  static String word(String what, String value) {
    if (value == null || !WORD.matcher(value).matches()) {
      throw new InvalidValueException(
          what + " '" + value + "' must be printable, without spaces, quotes or backslashes");
    }
    return value;
  }

  /** The longest value Bacula 9.6 takes for a Changer Command, Changer Device or Archive Device. */
  static final int MAX_STRNAME = 127;

  /** {@link #word}, and at most {@value #MAX_STRNAME} characters (Bacula refuses longer ones). */
  static String shortWord(String what, String value) {
    return notTooLong(what, word(what, value));
  }

  /** At most {@value #MAX_STRNAME} characters. */
  static String notTooLong(String what, String value) {
    if (value.length() > MAX_STRNAME) {
      throw new InvalidValueException(
          what
              + " '"
              + value
              + "' has "
              + value.length()
              + " characters; Bacula 9.6 takes at most "
              + MAX_STRNAME
              + " here");
    }
    return value;
  }

  /** True when {@code secret} reaches Bacula intact as the whole content of an included file. */
  static boolean bareToken(String secret) {
    return BARE_TOKEN.matcher(secret).matches();
  }
}
