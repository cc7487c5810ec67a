package io.tapeflow.bacula.console;

import io.tapeflow.bacula.BconsoleAuthException;
import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.BconsolePromptException;
import io.tapeflow.bacula.BconsoleTimeoutException;
import io.tapeflow.bacula.DirectorUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one bconsole session's output, as written for the pattern of {@link BconsoleClient}: mode
 * lines, {@code @echo BEGIN}, the command, its answers, {@code @echo END}. Pure: it sees only the
 * text, the markers and how the process ended, and either returns the reply or names the failure.
 *
 * <p>What it relies on (Bacula 9.6, stdin not a terminal): bconsole echoes every input line before
 * running it; {@code @echo TOKEN} prints {@code TOKEN } with a trailing space; a question has no
 * newline, so the echo of the next input line is glued to it; {@code .sql} rows end with a TAB and
 * no newline; a session that never reached the Director has no {@code 1000 OK} banner.
 */
final class Transcript {
  private static final Pattern BANNER = Pattern.compile("^1000 OK:? .*");
  private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

  private Transcript() {}

  /**
   * The reply of {@code command} in {@code output}.
   *
   * @param exitCode bconsole's exit status, or -1 if it was killed
   * @param timedOut whether the process was killed because the time ran out
   */
  static BconsoleReply reply(
      String output,
      BconsoleCommand command,
      String begin,
      String end,
      int exitCode,
      boolean timedOut,
      Duration elapsed,
      Duration timeout,
      String where) {
    List<String> lines = List.of(LINE_BREAK.split(output, -1));
    if (lines.stream().noneMatch(l -> BANNER.matcher(l).matches())) {
      throw sessionFailure(output, exitCode, timedOut, timeout, where);
    }
    int b = indexOfMarker(lines, begin, 0);
    if (b < 0) {
      throw ended("never reached the command", output, exitCode, timedOut, timeout, command);
    }
    int i = b + 1;
    while (i < lines.size() && !lines.get(i).equals(command.line())) {
      i++;
    }
    if (i >= lines.size()) {
      throw ended("did not echo the command", output, exitCode, timedOut, timeout, command);
    }
    String endEcho = "@echo " + end;
    List<String> reply = new ArrayList<>();
    for (int k = i + 1; k < lines.size(); k++) {
      String l = lines.get(k);
      if (l.endsWith(endEcho) && k + 1 < lines.size() && lines.get(k + 1).strip().equals(end)) {
        String glued = l.substring(0, l.length() - endEcho.length());
        if (!glued.isEmpty()) {
          if (!command.rawOutput()) {
            throw unanswered(glued, command);
          }
          reply.add(glued);
        }
        return new BconsoleReply(command, reply, elapsed);
      }
      reply.add(l);
    }
    String last = lines.get(lines.size() - 1);
    if (!timedOut && looksLikeQuestion(last)) {
      throw unanswered(last, command);
    }
    throw ended(
        "stopped before the end of the reply", output, exitCode, timedOut, timeout, command);
  }

  private static int indexOfMarker(List<String> lines, String token, int from) {
    for (int k = from; k < lines.size(); k++) {
      if (lines.get(k).strip().equals(token)) {
        return k;
      }
    }
    return -1;
  }

  static boolean looksLikeQuestion(String text) {
    String t = text.stripTrailing();
    return t.endsWith(":") || t.endsWith("?") || t.endsWith("):");
  }

  private static RuntimeException sessionFailure(
      String output, int exitCode, boolean timedOut, Duration timeout, String where) {
    if (output.contains("Director authorization problem")
        || output.contains("Authorization failed")) {
      return new BconsoleAuthException(
          "the Director at "
              + where
              + " refused the console's login (bconsole: Director authorization problem); check"
              + " that the Password in the bconsole configuration matches the Director's");
    }
    if (output.contains("Config error")
        || output.contains("configuration file")
        || output.contains("Please correct")) {
      return new BconsoleAuthException(
          "bconsole could not use its configuration: " + lastLines(output, 3));
    }
    if (timedOut) {
      return new BconsoleTimeoutException(
          "no answer from the Director at "
              + where
              + " within "
              + timeout.toSeconds()
              + " s; is it running and reachable?");
    }
    return new DirectorUnreachableException(
        "cannot reach the Director at "
            + where
            + " (bconsole exit "
            + exitCode
            + ", output: "
            + lastLines(output, 2)
            + "); is it running? Start it, or fix the address and port in the bconsole"
            + " configuration");
  }

  private static RuntimeException ended(
      String what,
      String output,
      int exitCode,
      boolean timedOut,
      Duration timeout,
      BconsoleCommand command) {
    if (timedOut) {
      return new BconsoleTimeoutException(
          "bconsole did not finish '"
              + command.line()
              + "' within "
              + timeout.toSeconds()
              + " s and was stopped; the Director may still be carrying it out. Last output: "
              + lastLines(output, 3));
    }
    return new BconsoleOutputException(
        "bconsole "
            + what
            + " for '"
            + command.line()
            + "' (exit "
            + exitCode
            + "); last output: "
            + lastLines(output, 3));
  }

  private static BconsolePromptException unanswered(String prompt, BconsoleCommand command) {
    String p = prompt.strip();
    return new BconsolePromptException(
        "the Director asked \""
            + p
            + "\" after '"
            + command.line()
            + "' and the command did not answer it, so it was not carried out; a keyword is"
            + " missing (storage=, drive=, slot=, pool=, yes)",
        p);
  }

  static String lastLines(String output, int n) {
    List<String> l = new ArrayList<>();
    for (String s : LINE_BREAK.split(output.strip(), -1)) {
      if (!s.isBlank()) {
        l.add(s.strip());
      }
    }
    return l.isEmpty()
        ? "(nothing)"
        : String.join(" | ", l.subList(Math.max(0, l.size() - n), l.size()));
  }
}
