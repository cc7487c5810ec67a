/** The changer activity contract: robot moves on task queue {@code changer/<library>}. */
package io.tapeflow.workflows.changer;
