package io.tapeflow.bacula.model;

/**
 * A Bacula fileset name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9
 * : . _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record FileSetName(String value) {

  public FileSetName {
    Names.require("fileset name", value);
  }

  /**
   * A validated fileset name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static FileSetName of(String value) {
    return new FileSetName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
