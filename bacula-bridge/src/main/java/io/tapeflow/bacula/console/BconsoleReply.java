package io.tapeflow.bacula.console;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the Director printed in answer to one command: the lines between bconsole's echo of the
 * command and the end marker. Answers to known questions are echoed inside it (e.g. {@code Do you
 * want to label these Volumes? (yes|no): yes}).
 *
 * @param command the command that was sent
 * @param lines the reply, line by line, without line terminators
 * @param elapsed how long the bconsole process ran
 */
public record BconsoleReply(BconsoleCommand command, List<String> lines, Duration elapsed) {

  public BconsoleReply {
    Objects.requireNonNull(command, "command");
    lines = List.copyOf(lines);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The reply as one text, lines joined with newlines. */
  public String text() {
    return String.join("\n", lines);
  }
}
