package io.tapeflow.infra.emulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as users write them: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code
 * 0}, or ISO-8601 ({@code PT2S}).
 */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? (n == 0 ? "s" : "") : m.group(2);
      switch (unit) {
        case "ms" -> {
          return Duration.ofMillis(n);
        }
        case "s" -> {
          return Duration.ofSeconds(n);
        }
        case "m" -> {
          return Duration.ofMinutes(n);
        }
        case "h" -> {
          return Duration.ofHours(n);
        }
        case "d" -> {
          return Duration.ofDays(n);
        }
        default -> {
          // a bare number other than 0 has no unit: reported below
        }
      }
    } else if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        Duration d = Duration.parse(text.strip());
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; write it like 250ms, 2s, 5m, 1h or PT2S");
  }

  /** Formats a duration compactly for messages ({@code 250ms}, {@code 2s}). */
  public static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
