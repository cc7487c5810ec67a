/** The tapeflow command: configuration, Temporal connection, worker wiring, CLI and views. */
package io.tapeflow.worker;
