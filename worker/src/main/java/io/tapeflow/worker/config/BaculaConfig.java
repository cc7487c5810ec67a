package io.tapeflow.worker.config;

import io.tapeflow.bacula.console.BconsoleSettings;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.StorageName;
import java.util.Optional;

/**
 * {@code bacula}: the Director tapeflow talks to.
 *
 * @param director the Director's name (also its task queue, {@code bacula/NAME})
 * @param bconsole how to run bconsole ({@code command}, {@code config})
 * @param storage the Storage resource of the gateway's autochanger
 * @param restoreJob the Restore job {@code tapeflow restore} runs, if configured
 */
public record BaculaConfig(
    String director,
    BconsoleSettings bconsole,
    StorageName storage,
    Optional<JobName> restoreJob) {}
