package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.TapeState;

/**
 * The answer to an accepted operator request (a rejected one fails the update with an {@code
 * IllegalTransition} failure naming the reason).
 *
 * @param requestId the request
 * @param changed whether the tape changed (false: it already was where the request leads, or a dry
 *     run)
 * @param state the tape's state after the request
 * @param message what happened, in words
 */
public record RequestResult(String requestId, boolean changed, TapeState state, String message) {}
