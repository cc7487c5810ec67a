package io.tapeflow.bacula.testing;

import io.tapeflow.bacula.console.BconsoleCommand;
import io.tapeflow.bacula.console.BconsoleReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the bconsole captures in {@code src/test/resources/captures}. */
public final class Captures {
  private static final Pattern LINES = Pattern.compile("\r?\n");

  private Captures() {}

  /** A capture's whole text. */
  public static String text(String file) {
    try (InputStream in = Captures.class.getResourceAsStream("/captures/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reply to {@code command} in a capture: the lines after bconsole's echo of the command, up
   * to the echo of the next input line {@code next} (or the end of the capture when null).
   */
  public static BconsoleReply reply(String file, BconsoleCommand command, String next) {
    List<String> lines = List.of(LINES.split(text(file), -1));
    int start = lines.indexOf(command.line());
    if (start < 0) {
      throw new IllegalArgumentException("'" + command.line() + "' is not in " + file);
    }
    List<String> reply = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (next != null && l.endsWith(next)) {
        String glued = l.substring(0, l.length() - next.length());
        if (!glued.isEmpty()) {
          reply.add(glued);
        }
        break;
      }
      reply.add(l);
    }
    while (!reply.isEmpty() && reply.get(reply.size() - 1).isEmpty()) {
      reply.remove(reply.size() - 1);
    }
    return new BconsoleReply(command, reply, Duration.ZERO);
  }
}
