package io.tapeflow.activities.changer;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.converter.DataConverterException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends and reads back {@link ChangerHeartbeat}s, the only heartbeat payload of the changer
 * activities. Outside an activity (a direct call in a test) both do nothing.
 */
final class Heartbeats {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

  private Heartbeats() {}

  static void beat(ChangerHeartbeat details) {
    context().ifPresent(ctx -> ctx.heartbeat(details));
  }

  /**
   * The last heartbeat of an earlier attempt of this call, or {@link ChangerHeartbeat#NONE}. A
   * payload of another shape (written by an older version) counts as none.
   */
  static ChangerHeartbeat last() {
    Optional<ActivityExecutionContext> ctx = context();
    if (ctx.isEmpty()) {
      return ChangerHeartbeat.NONE;
    }
    try {
      return ctx.get().getHeartbeatDetails(ChangerHeartbeat.class).orElse(ChangerHeartbeat.NONE);
    } catch (DataConverterException older) {
      LOG.warn("ignoring an earlier attempt's heartbeat of another shape: {}", older.toString());
      return ChangerHeartbeat.NONE;
    }
  }

  private static Optional<ActivityExecutionContext> context() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException | NullPointerException notInAnActivity) {
      return Optional.empty();
    }
  }
}
