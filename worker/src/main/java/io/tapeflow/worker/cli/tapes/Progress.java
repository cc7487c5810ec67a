package io.tapeflow.worker.cli.tapes;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * The progress of a long wait: on a terminal one line redrawn in place ({@code \r}); otherwise (a
 * pipe, a log: {@code System.console() == null}) a plain line each time what it says changes.
 */
final class Progress {
  private final PrintWriter out;
  private final boolean tty;
  private final Instant start;
  private String lastState;
  private int width;

  Progress(PrintWriter out, boolean tty, Instant start) {
    this.out = out;
    this.tty = tty;
    this.start = start;
  }

  /**
   * Whether this process writes to a terminal. Java 17 has no console when a stream is redirected;
   * on Java 22 and newer one would also check {@code isTerminal()}.
   */
  @SuppressWarnings("SystemConsoleNull")
  static boolean onTerminal() {
    return System.console() != null;
  }

  /**
   * Shows where the wait stands.
   *
   * @param state what it waits on, in words
   * @param now the time now
   * @param eta the expected end, or null if not known
   */
  void show(String state, Instant now, Instant eta) {
    String line =
        line(state, Duration.between(start, now), eta == null ? null : Duration.between(now, eta));
    if (tty) {
      out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
      width = line.length();
      out.flush();
    } else if (!state.equals(lastState)) {
      out.println(line);
      out.flush();
    }
    lastState = state;
  }

  /** Ends the redrawn line. */
  void done() {
    if (tty && width > 0) {
      out.println();
      out.flush();
    }
  }

  static String line(String state, Duration elapsed, Duration remaining) {
    return state
        + "  elapsed "
        + clock(elapsed)
        + (remaining == null
            ? ""
            : remaining.isNegative() ? "  ETA overdue" : "  ETA " + clock(remaining));
  }

  /** {@code 1h02m03s}, {@code 2m03s}, {@code 3s}. */
  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    long h = s / 3600;
    long m = s / 60 % 60;
    long sec = s % 60;
    if (h > 0) {
      return String.format("%dh%02dm%02ds", h, m, sec);
    }
    return m > 0 ? String.format("%dm%02ds", m, sec) : sec + "s";
  }
}
