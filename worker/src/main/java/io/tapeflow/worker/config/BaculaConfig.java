package io.tapeflow.worker.config;

import io.tapeflow.bacula.console.BconsoleSettings;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.StorageName;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bacula}: the Director tapeflow talks to.
 *
 * @param director the Director's name (also its task queue, {@code bacula/NAME})
 * @param bconsole how to run bconsole ({@code command}, {@code config})
 * @param storage the Storage resource of the gateway's autochanger
 * @param restoreJob the Restore job {@code tapeflow restore} runs (default {@code RestoreFiles})
 * @param restoreWhere where restores go unless a request says (default: the job's Where)
 */
public record BaculaConfig(
    String director,
    BconsoleSettings bconsole,
    StorageName storage,
    JobName restoreJob,
    Optional<Path> restoreWhere) {}
