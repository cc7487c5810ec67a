package io.tapeflow.bacula.model;

import java.util.Map;

/**
 * A queued restore job and the volumes it needs, as the Director listed them ({@code *} marks the
 * ones it believes are in the autochanger).
 *
 * @param job the JobId of the queued restore
 * @param volumes each required volume and whether the catalog has it in the changer
 */
public record RestoreRequirement(JobId job, Map<String, Boolean> volumes) {

  public RestoreRequirement {
    volumes = Map.copyOf(volumes);
  }
}
