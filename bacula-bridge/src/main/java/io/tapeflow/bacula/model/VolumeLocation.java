package io.tapeflow.bacula.model;

/**
 * Where the catalog places a volume ({@code .sql} on the Media table): the fields {@code update
 * slots}, {@code label} and the end of a job rewrite.
 */
public record VolumeLocation(
    VolumeName name, VolStatus status, int slot, boolean inChanger, long storageId) {}
