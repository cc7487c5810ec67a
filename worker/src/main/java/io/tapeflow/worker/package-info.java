/** tapeflow worker module. */
package io.tapeflow.worker;
