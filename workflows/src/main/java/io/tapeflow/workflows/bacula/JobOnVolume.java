package io.tapeflow.workflows.bacula;

import java.time.Instant;

/**
 * A job with data on a volume (from jobmedia).
 *
 * @param jobId the JobId
 * @param name the job name
 * @param client the client
 * @param level F, I or D
 * @param bytes job bytes
 * @param files job files
 * @param endTime when it ended, or null if unknown
 */
public record JobOnVolume(
    long jobId,
    String name,
    String client,
    String level,
    long bytes,
    long files,
    Instant endTime) {}
