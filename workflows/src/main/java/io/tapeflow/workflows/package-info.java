/**
 * The tape lifecycle as Temporal workflows, and the activity contracts they call.
 *
 * <ul>
 *   <li>{@code lifecycle}: the pure state machine ({@link
 *       io.tapeflow.workflows.lifecycle.TapeLifecycle}), no Temporal in it;
 *   <li>{@code tape}: {@code TapeWorkflow}, one per tape, id {@code tape/<BARCODE>};
 *   <li>{@code gateway}: {@code GatewayWatcherWorkflow} and the gateway activity contract;
 *   <li>{@code changer}, {@code bacula}, {@code manifest}: the other activity contracts;
 *   <li>{@code common}: task queues, activity options, failure types, value checks.
 * </ul>
 *
 * Workflows never touch devices, processes or the network; activities never decide lifecycle.
 */
package io.tapeflow.workflows;
