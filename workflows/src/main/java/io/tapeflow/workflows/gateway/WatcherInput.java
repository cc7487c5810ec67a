package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.TaskQueues;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The watcher's input, at the start and at each continue-as-new.
 *
 * @param gatewayName the gateway's configured name
 * @param gatewayArn the gateway's ARN
 * @param fastInterval the poll interval while a tape is moving
 * @param slowInterval the poll interval otherwise
 * @param maxWait the longest single long poll (the workflow gets a word in at least this often)
 * @param pageSize ListTapes page size
 * @param historyBudget continue as new after this many events; 0 = when the server suggests it
 * @param known the statuses known so far (barcode → status)
 * @param stats counters so far
 */
public record WatcherInput(
    String gatewayName,
    String gatewayArn,
    Duration fastInterval,
    Duration slowInterval,
    Duration maxWait,
    int pageSize,
    int historyBudget,
    Map<String, String> known,
    WatcherStats stats) {

  public WatcherInput {
    TaskQueues.requireName("gateway", gatewayName);
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(fastInterval, "fastInterval");
    Objects.requireNonNull(slowInterval, "slowInterval");
    Objects.requireNonNull(maxWait, "maxWait");
    if (fastInterval.compareTo(slowInterval) > 0) {
      throw new IllegalArgumentException(
          "fast interval " + fastInterval + " is longer than the slow one " + slowInterval);
    }
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("page size must be 1 to 1000, got " + pageSize);
    }
    known = known == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(known));
    stats = stats == null ? WatcherStats.NONE : stats;
  }

  /** A fresh watcher: one minute while tapes move, fifteen otherwise, 100 tapes per page. */
  public static WatcherInput of(String gatewayName, String gatewayArn) {
    return new WatcherInput(
        gatewayName,
        gatewayArn,
        Duration.ofMinutes(1),
        Duration.ofMinutes(15),
        Duration.ofHours(1),
        100,
        0,
        null,
        null);
  }

  /** The same watcher with other intervals. */
  public WatcherInput withIntervals(Duration fast, Duration slow, Duration maxWait) {
    return new WatcherInput(
        gatewayName, gatewayArn, fast, slow, maxWait, pageSize, historyBudget, known, stats);
  }

  /** The same watcher with another history budget. */
  public WatcherInput withHistoryBudget(int budget) {
    return new WatcherInput(
        gatewayName,
        gatewayArn,
        fastInterval,
        slowInterval,
        maxWait,
        pageSize,
        budget,
        known,
        stats);
  }
}
