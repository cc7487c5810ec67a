package io.tapeflow.workflows.gateway;

import java.util.Map;

/**
 * A watcher right now: the answer of its {@code snapshot} query.
 *
 * @param gatewayName the gateway
 * @param tapes how many tapes it knows
 * @param movingTapes the tapes with a moving status, and that status
 * @param stats its counters
 * @param historyLength the current run's history length
 */
public record WatcherSnapshot(
    String gatewayName,
    int tapes,
    Map<String, String> movingTapes,
    WatcherStats stats,
    long historyLength) {}
