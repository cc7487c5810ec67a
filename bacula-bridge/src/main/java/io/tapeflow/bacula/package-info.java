/** tapeflow bacula-bridge module. */
package io.tapeflow.bacula;
