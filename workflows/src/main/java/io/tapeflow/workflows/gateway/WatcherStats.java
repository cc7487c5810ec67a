package io.tapeflow.workflows.gateway;

import java.time.Instant;

/**
 * What a watcher has done.
 *
 * @param polls listings made
 * @param apiCalls gateway API calls made
 * @param lastPollCalls API calls of the latest listing
 * @param lastPollPages ListTapes pages of the latest listing
 * @param tapes tapes of this gateway and the shelf in the latest listing
 * @param moving of those, how many were moving
 * @param signalsSent status changes delivered to tape workflows
 * @param signalsUndelivered changes for tapes without a workflow (not managed by tapeflow)
 * @param lastChangeAt when a status last changed, or null
 */
public record WatcherStats(
    long polls,
    long apiCalls,
    int lastPollCalls,
    int lastPollPages,
    int tapes,
    int moving,
    long signalsSent,
    long signalsUndelivered,
    Instant lastChangeAt) {

  /** Nothing done yet. */
  public static final WatcherStats NONE = new WatcherStats(0, 0, 0, 0, 0, 0, 0, 0, null);

  /** These counters plus one long poll's. */
  WatcherStats plus(TapeChanges c, int sent, int undelivered, Instant at) {
    return new WatcherStats(
        polls + c.polls(),
        apiCalls + c.apiCalls(),
        c.lastPollCalls(),
        c.lastPollPages(),
        c.tapes(),
        c.moving(),
        signalsSent + sent,
        signalsUndelivered + undelivered,
        c.changes().isEmpty() ? lastChangeAt : at);
  }
}
