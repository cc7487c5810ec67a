package io.tapeflow.activities.changer;

import java.util.Optional;

/**
 * The one heartbeat payload of every changer activity, whatever it is doing: a retry reads the last
 * one back as this type, so it can never meet a payload of another shape.
 *
 * @param step what the attempt was doing (waiting for the lock, moving), for the Temporal UI
 * @param placedAt the element an earlier attempt of this request moved the tape to, or null; kept
 *     in every later heartbeat so that a retry after a lock wait still knows it
 */
public record ChangerHeartbeat(String step, Integer placedAt) {

  /** No attempt has reported anything. */
  public static final ChangerHeartbeat NONE = new ChangerHeartbeat("starting", null);

  /** The tape was moved to element {@code address}. */
  public static ChangerHeartbeat placed(int address) {
    return new ChangerHeartbeat("moved to element " + address, address);
  }

  /** Doing {@code step}, keeping what earlier heartbeats knew. */
  public ChangerHeartbeat doing(String step) {
    return new ChangerHeartbeat(step, placedAt);
  }

  /** The element an earlier attempt moved the tape to. */
  public Optional<Integer> placed() {
    return Optional.ofNullable(placedAt);
  }
}
