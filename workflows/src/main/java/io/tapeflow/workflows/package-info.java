/** tapeflow workflows module. */
package io.tapeflow.workflows;
