package io.tapeflow.bacula.model;

/**
 * A Bacula pool name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9 : .
 * _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record PoolName(String value) {

  public PoolName {
    Names.require("pool name", value);
  }

  /**
   * A validated pool name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static PoolName of(String value) {
    return new PoolName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
