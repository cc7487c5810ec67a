/**
 * The activity implementations: one class per outside system, each mapping that system's errors to
 * tapeflow's failure types in one place ({@code GatewayErrors}, {@code ChangerFailures}, {@code
 * BaculaFailures}, {@code ManifestErrors}).
 */
package io.tapeflow.activities;
