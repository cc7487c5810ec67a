/** Bacula's job hooks turned into signals to tape workflows. */
package io.tapeflow.worker.events;
