/**
 * {@code TapeWorkflow}: one durable workflow per tape (id {@code tape/<BARCODE>}) that drives the
 * lifecycle with activities, takes operator requests as validated updates and outside facts as
 * signals, and shows where the tape is through search attributes, current details and the {@code
 * snapshot} query.
 */
package io.tapeflow.workflows.tape;
