package io.tapeflow.workflows.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retry policies per kind of activity. Device and bconsole activities have a short
 * schedule-to-start timeout: a task nobody picks up means the worker on the host that owns the
 * changer (or has bconsole) is down, and that must surface in minutes, not hours.
 */
public final class ActivityProfiles {
  private ActivityProfiles() {}

  /** How long a changer or bconsole task may wait for its host's worker, by default. */
  public static final Duration HOST_PICKUP = Duration.ofMinutes(5);

  /**
   * Robot moves and lookups on {@code changer/<library>}.
   *
   * @param pickup how long a move may wait for the worker of the changer's host
   */
  public static ActivityOptions changer(String library, Duration pickup) {
    return onHost(
        TaskQueues.changer(library),
        pickup,
        Duration.ofMinutes(15),
        Duration.ofMinutes(1),
        retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(2), 8));
  }

  /** bconsole commands on {@code bacula/<director>}. */
  public static ActivityOptions bacula(String director) {
    return bacula(director, HOST_PICKUP);
  }

  /**
   * bconsole commands on {@code bacula/<director>}.
   *
   * @param pickup how long a command may wait for the worker of a bconsole host
   */
  public static ActivityOptions bacula(String director, Duration pickup) {
    return onHost(
        TaskQueues.bacula(director),
        pickup,
        Duration.ofMinutes(30),
        Duration.ofMinutes(2),
        retry(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 10));
  }

  /** Waiting for a Bacula job (a restore can take hours): heartbeating, long. */
  public static ActivityOptions baculaJob(String director) {
    return baculaJob(director, HOST_PICKUP);
  }

  /** Waiting for a Bacula job, with a given pickup timeout. */
  public static ActivityOptions baculaJob(String director, Duration pickup) {
    return onHost(
        TaskQueues.bacula(director),
        pickup,
        Duration.ofDays(2),
        Duration.ofMinutes(5),
        retry(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10), 20));
  }

  /**
   * A tape's own status poll, the fallback when the watcher is silent: one DescribeTapes per
   * attempt, the retry interval is the polling interval (fixed, no backoff), for at most {@code
   * giveUpAfter}.
   */
  public static ActivityOptions gatewayStatusPoll(Duration interval, Duration giveUpAfter) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.TAPEFLOW)
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setScheduleToCloseTimeout(giveUpAfter)
        .setRetryOptions(retry(interval, 1.0, interval, 0))
        .build();
  }

  /** The watcher's long poll: heartbeating, at most {@code maxWait} plus slack. */
  public static ActivityOptions gatewayWatch(Duration maxWait) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.TAPEFLOW)
        .setStartToCloseTimeout(maxWait.plus(Duration.ofMinutes(10)))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(retry(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 0))
        .build();
  }

  /**
   * Short calls of the {@code tapeflow} queue's own activities (one gateway API call, one S3 write)
   * run as local activities in the tape workflow's worker: one history event instead of six (three
   * for the activity, three for the workflow task it wakes), which keeps a tape's history short.
   * Retries past a minute are scheduled by the workflow, with backoff.
   */
  public static LocalActivityOptions local() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setLocalRetryThreshold(Duration.ofMinutes(1))
        .setRetryOptions(retry(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 20))
        .build();
  }

  /**
   * Audit appends: local, and few quick attempts. A failed append keeps its records for the next
   * try (the next time the tape rests), so it must not hold the workflow up; before a deletion a
   * failure stops the deletion instead.
   */
  public static LocalActivityOptions audit() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setLocalRetryThreshold(Duration.ofSeconds(10))
        .setRetryOptions(retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4), 3))
        .build();
  }

  /** An activity on a host's own queue: picked up within {@code pickup}, heartbeating. */
  private static ActivityOptions onHost(
      String queue,
      Duration pickup,
      Duration startToClose,
      Duration heartbeat,
      RetryOptions retry) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(queue)
        .setScheduleToStartTimeout(pickup)
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(heartbeat)
        .setRetryOptions(retry)
        .build();
  }

  private static RetryOptions retry(
      Duration initial, double backoff, Duration maxInterval, int maxAttempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(backoff)
        .setMaximumInterval(maxInterval)
        .setMaximumAttempts(maxAttempts)
        .setDoNotRetry(Failures.doNotRetry())
        .build();
  }
}
