package io.tapeflow.bacula.model;

/**
 * Bacula's one-letter JobStatus codes (catalog {@code Job.JobStatus}, {@code wait}, {@code
 * .status}).
 */
public enum JobStatus {
  CREATED('C', "created, not yet running"),
  RUNNING('R', "running"),
  BLOCKED('B', "blocked"),
  OK('T', "completed successfully"),
  OK_WITH_WARNINGS('W', "completed with warnings"),
  ERROR('E', "terminated in error"),
  NON_FATAL_ERROR('e', "non-fatal error"),
  FATAL('f', "fatal error"),
  DIFFERENCES('D', "verify found differences"),
  CANCELED('A', "canceled by the user"),
  INCOMPLETE('I', "incomplete"),
  WAITING_FOR_FD('F', "waiting for the client"),
  WAITING_FOR_SD('S', "waiting for the storage daemon"),
  WAITING_FOR_MOUNT('M', "waiting for a mount request"),
  WAITING_FOR_MEDIA('m', "waiting for new media"),
  WAITING_FOR_STORAGE('s', "waiting for storage resource"),
  WAITING_FOR_JOB_RESOURCE('j', "waiting for job resource"),
  WAITING_FOR_CLIENT_RESOURCE('c', "waiting for client resource"),
  WAITING_FOR_MAX_JOBS('d', "waiting for maximum jobs"),
  WAITING_FOR_START_TIME('t', "waiting for start time"),
  WAITING_FOR_PRIORITY('p', "waiting for higher priority jobs"),
  WAITING_ON_SD('a', "SD despooling attributes"),
  WAITING_FOR_DATA_SPOOL('i', "doing batch insert of file records"),
  WAITING_LL('l', "doing data despooling"),
  DATA_COMMITTING('L', "committing data"),
  QUEUED('q', "queued waiting for device");

  private final char code;
  private final String meaning;

  JobStatus(char code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** Bacula's letter. */
  public char code() {
    return code;
  }

  /** What the letter means, in words. */
  public String meaning() {
    return meaning;
  }

  /** True once the job has ended, whatever the outcome. */
  public boolean terminal() {
    return switch (this) {
      case OK, OK_WITH_WARNINGS, ERROR, NON_FATAL_ERROR, FATAL, DIFFERENCES, CANCELED, INCOMPLETE ->
          true;
      default -> false;
    };
  }

  /** True if the job ended and did what was asked (T or W). */
  public boolean successful() {
    return this == OK || this == OK_WITH_WARNINGS;
  }

  /**
   * The status for a letter.
   *
   * @throws InvalidValueException for an unknown letter
   */
  public static JobStatus ofCode(char code) {
    for (JobStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new InvalidValueException("job status letter '" + code + "' is not one Bacula uses");
  }

  /** Parses a one-letter status as printed by Bacula. */
  public static JobStatus parse(String text) {
    if (text == null || text.strip().length() != 1) {
      throw new InvalidValueException(
          "job status " + (text == null ? "(missing)" : Names.quote(text)) + " is not one letter");
    }
    return ofCode(text.strip().charAt(0));
  }
}
