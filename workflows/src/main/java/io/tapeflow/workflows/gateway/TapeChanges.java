package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import java.util.List;

/**
 * What one long poll found.
 *
 * @param changes the tapes whose status differs from what the caller knew (a tape that vanished
 *     from the listing is reported DELETED)
 * @param polls how many polls the call made
 * @param apiCalls gateway API calls over all polls
 * @param lastPollCalls API calls of the last poll
 * @param lastPollPages ListTapes pages of the last poll
 * @param tapes tapes in the last poll's listing that belong to this gateway or the shelf
 * @param moving of those, how many had a moving status (CREATING, IN TRANSIT TO VTS, ...)
 */
public record TapeChanges(
    List<GatewayStatus> changes,
    int polls,
    int apiCalls,
    int lastPollCalls,
    int lastPollPages,
    int tapes,
    int moving) {
  public TapeChanges {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
