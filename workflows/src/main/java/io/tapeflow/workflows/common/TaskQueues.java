package io.tapeflow.workflows.common;

import java.util.regex.Pattern;

/**
 * Task queue names. Workflows, gateway and S3 activities run on {@link #TAPEFLOW}; robot moves on
 * {@code changer/<library>}, polled only by the worker on the host that sees that changer; bconsole
 * commands on {@code bacula/<director>}.
 */
public final class TaskQueues {
  private TaskQueues() {}

  /** Workflows, gateway and manifest activities: any worker. */
  public static final String TAPEFLOW = "tapeflow";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The queue of the changer activities of one library. */
  public static String changer(String library) {
    return "changer/" + requireName("library", library);
  }

  /** The queue of the Bacula activities of one director. */
  public static String bacula(String director) {
    return "bacula/" + requireName("director", director);
  }

  /**
   * Checks a library, director or gateway name: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, starting with
   * a letter or digit.
   *
   * @throws IllegalArgumentException naming the field and the rule
   */
  public static String requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " name "
              + (name == null ? "is missing" : "'" + name + "' is invalid")
              + ": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }
}
