/** tapeflow infra module. */
package io.tapeflow.infra;
