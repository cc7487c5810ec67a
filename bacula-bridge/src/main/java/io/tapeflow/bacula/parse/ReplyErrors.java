package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BaculaBusyException;
import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.console.BconsoleReply;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Error detection from the Director's text, in one place. bconsole's exit code says nothing about a
 * command's outcome, so every reply goes through {@link #check}: lines that mean failure raise
 * {@link BconsoleCommandException}, lines that mean "in use, try later" raise {@link
 * BaculaBusyException}. Lines that look alarming but are informational (e.g. {@code 3921 ...
 * already released}) are not errors.
 */
public final class ReplyErrors {
  private static final List<Pattern> ERRORS =
      List.of(
          Pattern.compile("^\\S+: is an invalid command\\.$"),
          Pattern.compile("^Invalid VolStatus specified: .*"),
          Pattern.compile(".*Media record for Volume name \".*\" not found\\..*"),
          Pattern.compile(".*Media record for Volume \".*\" not found\\..*"),
          Pattern.compile("^(\\d+ )?39(9\\d|1[0-9]|0[0-9]) (?!.*already released).*"),
          Pattern.compile("^Results=.+"),
          Pattern.compile("(?i)^.*fatal error.*"),
          Pattern.compile("^Label command failed.*"),
          Pattern.compile("^3920 .*"),
          Pattern.compile("^Volume label failed.*"),
          Pattern.compile("^Illegal character \".*\" in a volume name.*"),
          Pattern.compile("^No slots in changer to scan\\..*"),
          Pattern.compile(".*[Rr]esource \".*\": not found.*"),
          Pattern.compile("^Query failed: .*"),
          Pattern.compile("^ERR=.*"),
          Pattern.compile("^Error: .*"),
          Pattern.compile("^Job failed\\..*"),
          Pattern.compile(".*: ERR=.*"),
          Pattern.compile("^Could not .*"),
          Pattern.compile("^Unable to .*"),
          Pattern.compile("^Volume \".*\" is not in Pool .*"));

  private static final List<Pattern> BUSY =
      List.of(
          Pattern.compile("(?i).*\\bis busy\\b.*"),
          Pattern.compile("(?i).*is (being )?(used|in use) by .*"),
          Pattern.compile("(?i).*Device .* is BLOCKED.*"),
          Pattern.compile("(?i).*is already being used.*"));

  private ReplyErrors() {}

  /** The lines of a reply that report a failure (empty when the reply shows none). */
  public static List<String> errorLines(BconsoleReply reply) {
    List<String> out = new ArrayList<>();
    for (String l : reply.lines()) {
      String s = l.strip();
      if (isUnexpectedAnswerEcho(reply, s)) {
        continue;
      }
      if (ERRORS.stream().anyMatch(p -> p.matcher(s).matches())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Raises the failure a reply reports, if any.
   *
   * @throws BaculaBusyException if the failure says a device or volume is in use
   * @throws BconsoleCommandException for any other failure
   */
  public static BconsoleReply check(BconsoleReply reply) {
    List<String> errors = errorLines(reply);
    if (errors.isEmpty()) {
      return reply;
    }
    throw failure(reply, errors);
  }

  /** The exception for these error lines of a reply. */
  public static BconsoleCommandException failure(BconsoleReply reply, List<String> errors) {
    String msg = "Bacula refused '" + reply.command().line() + "': " + String.join(" | ", errors);
    boolean busy =
        reply.lines().stream()
            .map(String::strip)
            .anyMatch(l -> BUSY.stream().anyMatch(p -> p.matcher(l).matches()));
    if (busy) {
      return new BaculaBusyException(
          msg + "; a job or operator holds the device, retry later", errors);
    }
    return new BconsoleCommandException(msg, errors);
  }

  /**
   * An answer line sent for a question that was never asked reaches the Director as a command of
   * its own ({@code yes: is an invalid command.}); that is a consequence, not the failure itself.
   */
  private static boolean isUnexpectedAnswerEcho(BconsoleReply reply, String line) {
    for (String a : reply.command().answers()) {
      if (line.equals(a + ": is an invalid command.")) {
        return true;
      }
    }
    return false;
  }

  /** Lines any reply may carry that say nothing about the command. */
  public static boolean isNoise(String line) {
    String s = line.strip();
    return s.isEmpty()
        || s.startsWith("Automatically selected Catalog:")
        || s.startsWith("Using Catalog ")
        || s.equals("You have messages.")
        || s.startsWith("Connecting to Storage daemon ")
        || s.startsWith("3306 Issuing autochanger ")
        || s.startsWith("Security Alert:");
  }
}
