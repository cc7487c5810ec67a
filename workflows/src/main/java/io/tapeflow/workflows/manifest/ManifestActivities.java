package io.tapeflow.workflows.manifest;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Records kept in S3 so that a restore can be planned without the Bacula catalog and every change
 * can be traced. Runs on task queue {@code tapeflow}.
 *
 * <p>Failure types: {@code ManifestStoreUnavailable} (retried), {@code InvalidInput}
 * (non-retryable).
 */
@ActivityInterface(namePrefix = "Manifest")
public interface ManifestActivities {

  /**
   * Writes the tape's manifest (one JSON object per archived tape). Writing the same manifest again
   * is harmless.
   *
   * @return where it was written (the object key)
   */
  String writeManifest(TapeManifest manifest);

  /**
   * Adds the archive date (and what follows from it) to a tape's manifest, once the shelf has it;
   * writes a manifest with what is known if there is none (a tape adopted on the shelf).
   *
   * @return where it was written (the object key)
   */
  String completeManifest(ManifestCompletion completion);

  /**
   * Appends audit records, one object per transition, never overwriting: a record already written
   * (same tape and sequence number) is skipped, so a retry is harmless.
   */
  void appendAudit(List<AuditRecord> records);
}
