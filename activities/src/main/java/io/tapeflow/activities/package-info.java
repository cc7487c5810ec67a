/** tapeflow activities module. */
package io.tapeflow.activities;
