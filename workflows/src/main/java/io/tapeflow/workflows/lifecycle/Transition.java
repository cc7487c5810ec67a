package io.tapeflow.workflows.lifecycle;

import java.time.Instant;

/**
 * One change of state.
 *
 * @param seq the tape's transition counter after this change (1 = the first transition)
 * @param from the state left
 * @param to the state entered
 * @param at when
 * @param reason why, in words
 * @param requestId the request that caused it, or null if the tape moved on by itself
 */
public record Transition(
    int seq, TapeState from, TapeState to, Instant at, String reason, String requestId) {}
