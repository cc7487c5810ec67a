/** {@code BaculaActivities} over bacula-bridge's {@code BaculaConsole} (bconsole). */
package io.tapeflow.activities.bacula;
