/**
 * {@code RestoreWorkflow}: a restore of one Bacula job from tapes that may be on the shelf: it asks
 * each tape's workflow for a read-only copy, runs the restore job once all are online, and releases
 * the copies (they go back to the shelf).
 */
package io.tapeflow.workflows.restore;
