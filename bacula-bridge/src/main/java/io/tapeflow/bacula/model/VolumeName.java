package io.tapeflow.bacula.model;

/**
 * A Bacula volume name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9 :
 * . _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record VolumeName(String value) {

  public VolumeName {
    Names.require("volume name", value);
  }

  /**
   * A validated volume name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static VolumeName of(String value) {
    return new VolumeName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
