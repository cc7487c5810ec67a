/**
 * The Storage Gateway activity contract and the {@code GatewayWatcherWorkflow}, which polls one
 * gateway's tapes page by page and signals the tapes whose status changed.
 */
package io.tapeflow.workflows.gateway;
