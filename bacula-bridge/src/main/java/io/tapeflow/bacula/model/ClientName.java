package io.tapeflow.bacula.model;

/**
 * A Bacula client name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9 :
 * . _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record ClientName(String value) {

  public ClientName {
    Names.require("client name", value);
  }

  /**
   * A validated client name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static ClientName of(String value) {
    return new ClientName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
