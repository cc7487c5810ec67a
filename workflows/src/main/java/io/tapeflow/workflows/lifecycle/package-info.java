/**
 * The tape lifecycle as a pure state machine: states, the facts tapeflow learns from the gateway
 * and from Bacula, the steps each state needs, and the rules that move a tape on. Nothing here
 * knows Temporal; {@code TapeWorkflowImpl} drives it.
 */
package io.tapeflow.workflows.lifecycle;
