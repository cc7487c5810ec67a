package io.tapeflow.bacula.model;

/**
 * A Bacula storage name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9
 * : . _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record StorageName(String value) {

  public StorageName {
    Names.require("storage name", value);
  }

  /**
   * A validated storage name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static StorageName of(String value) {
    return new StorageName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
