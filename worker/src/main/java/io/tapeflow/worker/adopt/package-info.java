/**
 * Reconciliation at worker start: adopts the tapes the ground truth shows that have no workflow.
 */
package io.tapeflow.worker.adopt;
