package io.tapeflow.bacula.model;

import java.util.regex.Pattern;

/**
 * The {@code where=} directory of a restore: absolute, at most 127 characters, from {@code A-Z a-z
 * 0-9 / . _ - + , :} (no spaces, quotes or line breaks, since it travels on bconsole's stdin).
 */
public record RestorePath(String value) {
  private static final Pattern LEGAL = Pattern.compile("/[A-Za-z0-9/._+,:-]{0,126}");

  public RestorePath {
    if (value == null || !LEGAL.matcher(value).matches()) {
      String shown = value == null ? "(missing)" : Names.quote(value);
      throw new InvalidValueException(
          "restore directory "
              + shown
              + (value != null && !value.isEmpty() && value.charAt(0) != '/'
                  ? " is not absolute"
                  : " is not a plain absolute path")
              + "; use at most 127 characters from A-Z a-z 0-9 / . _ - + , : (no spaces,"
              + " quotes or line breaks)");
    }
  }

  public static RestorePath of(String value) {
    return new RestorePath(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
