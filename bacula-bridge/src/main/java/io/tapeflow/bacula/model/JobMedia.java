package io.tapeflow.bacula.model;

/**
 * One row of {@code list jobmedia}: a job wrote file indexes {@code firstIndex..lastIndex} to a
 * volume.
 */
public record JobMedia(JobId jobId, VolumeName volume, long firstIndex, long lastIndex) {}
