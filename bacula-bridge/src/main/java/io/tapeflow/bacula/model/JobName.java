package io.tapeflow.bacula.model;

/**
 * A Bacula job name that is safe to send to bconsole: 1-127 characters from {@code A-Z a-z 0-9 : .
 * _ -}. Names with spaces, which Bacula's configuration would allow in quotes, are refused.
 */
public record JobName(String value) {

  public JobName {
    Names.require("job name", value);
  }

  /**
   * A validated job name.
   *
   * @throws InvalidValueException if the value is not a legal Bacula name
   */
  public static JobName of(String value) {
    return new JobName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
