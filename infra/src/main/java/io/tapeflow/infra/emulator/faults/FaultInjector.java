package io.tapeflow.infra.emulator.faults;

import java.time.Duration;
import java.util.Random;

/**
 * Draws, for each request in arrival order, what fault it meets. The same seed and the same
 * sequence of requests give the same faults. A 500 comes either before the operation runs or after
 * it ran (its answer then lost), each half the time, as a real server error may; clients must be
 * idempotent (ClientToken) to survive the second kind.
 */
public final class FaultInjector {
  private final FaultSpec spec;
  private final Random random;

  /** Draws from {@code spec}'s seed. */
  public FaultInjector(FaultSpec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
  }

  /** The spec in force. */
  public FaultSpec spec() {
    return spec;
  }

  /** Draws the next request's fault. */
  public synchronized Fault next() {
    long span = spec.latencyMax().toMillis() - spec.latencyMin().toMillis();
    long extra = span <= 0 ? 0 : (long) (random.nextDouble() * (span + 1));
    Duration latency = spec.latencyMin().plusMillis(extra);
    boolean throttled = random.nextDouble() < spec.throttle();
    boolean error = random.nextDouble() < spec.error5xx();
    boolean after = random.nextBoolean();
    Kind kind =
        throttled
            ? Kind.THROTTLE
            : error ? (after ? Kind.ERROR_AFTER : Kind.ERROR_BEFORE) : Kind.NONE;
    return new Fault(kind, latency);
  }

  /** What a request meets. */
  public enum Kind {
    NONE,
    THROTTLE,
    ERROR_BEFORE,
    ERROR_AFTER
  }

  /**
   * One request's fault.
   *
   * @param kind the fault
   * @param latency added before the request is handled
   */
  public record Fault(Kind kind, Duration latency) {}
}
