/**
 * The worker's Temporal side: the connection (an embedded server on 127.0.0.1, or a cluster's
 * address), search attribute registration, and the workers per task queue with the real activities.
 * Kept apart from the CLI so the CLI can grow around it.
 */
package io.tapeflow.worker.temporal;
