package io.tapeflow.infra.emulator.faults;

import io.tapeflow.infra.emulator.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The faults the API answers with, parsed from {@code
 * throttle=0.2,error5xx=0.1,latency=50ms..2s,seed=N}: a share of requests refused with {@code
 * ThrottlingException}, a share answered with {@code InternalServerError} (500), and a latency
 * drawn uniformly from a range. One seed makes a run reproducible (default 0).
 *
 * @param throttle share of requests throttled, 0 to 1
 * @param error5xx share of requests answered 500, 0 to 1
 * @param latencyMin least added latency
 * @param latencyMax most added latency
 * @param seed seed of the random sequence
 */
public record FaultSpec(
    double throttle, double error5xx, Duration latencyMin, Duration latencyMax, long seed) {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern RANGE = Pattern.compile("\\.\\.");

  /** No faults at all. */
  public static final FaultSpec NONE = new FaultSpec(0, 0, Duration.ZERO, Duration.ZERO, 0);

  public FaultSpec {
    if (throttle < 0 || throttle > 1 || error5xx < 0 || error5xx > 1) {
      throw new IllegalArgumentException("fault shares must be between 0 and 1");
    }
    if (latencyMax.compareTo(latencyMin) < 0) {
      throw new IllegalArgumentException(
          "latency range " + latencyMin + ".." + latencyMax + " ends before it starts");
    }
  }

  /** Whether any fault or latency is configured. */
  public boolean active() {
    return throttle > 0 || error5xx > 0 || !latencyMax.isZero();
  }

  /**
   * Parses a fault spec.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static FaultSpec parse(String spec) {
    double throttle = 0;
    double error5xx = 0;
    Duration min = Duration.ZERO;
    Duration max = Duration.ZERO;
    long seed = 0;
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    for (String part : COMMA.split(spec.strip(), -1)) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "fault '" + part + "' has no value; write KEY=VALUE, e.g. throttle=0.2");
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      switch (key) {
        case "throttle" -> throttle = share(key, value);
        case "error5xx" -> error5xx = share(key, value);
        case "latency" -> {
          String[] ends = RANGE.split(value, 2);
          min = Durations.parse(ends[0]);
          max = ends.length == 2 ? Durations.parse(ends[1]) : min;
        }
        case "seed" -> {
          try {
            seed = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed '" + value + "' is not an integer", e);
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown fault '" + key + "'; known: throttle, error5xx, latency, seed");
      }
    }
    return new FaultSpec(throttle, error5xx, min, max, seed);
  }

  private static double share(String key, String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "='" + value + "' is not a number", e);
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException(key + "=" + value + " must be between 0 and 1");
    }
    return d;
  }
}
