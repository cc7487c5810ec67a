package io.tapeflow.bacula.model;

/** A Bacula JobId: a positive integer. */
public record JobId(long value) {

  public JobId {
    if (value <= 0) {
      throw new InvalidValueException("job id " + value + " is not positive; JobIds start at 1");
    }
  }

  public static JobId of(long value) {
    return new JobId(value);
  }

  /**
   * Parses a JobId given as text (a command-line argument, a hook's {@code %i}).
   *
   * @throws InvalidValueException if the text is not a positive decimal integer
   */
  public static JobId parse(String text) {
    if (text == null || !text.matches("[0-9]{1,18}")) {
      throw new InvalidValueException(
          "job id " + (text == null ? "(missing)" : Names.quote(text)) + " is not a number");
    }
    return new JobId(Long.parseLong(text));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
