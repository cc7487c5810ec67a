package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.manifest.TapeManifest;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The S3 manifest of a tape, as the tape workflow writes it. */
final class TapeManifests {
  private TapeManifests() {}

  /** The manifest of a tape that just left for the shelf, from the jobs on it. */
  static TapeManifest written(
      TapeIdentity tape,
      TapePolicy policy,
      List<JobOnVolume> jobs,
      Instant lastWritten,
      StorageClass storageClass,
      Instant now) {
    long bytes = 0;
    TreeSet<String> clients = new TreeSet<>();
    for (JobOnVolume j : jobs) {
      bytes += j.bytes();
      if (j.client() != null) {
        clients.add(j.client());
      }
    }
    Instant retainUntil =
        policy.retention() == null || lastWritten == null
            ? null
            : lastWritten.plus(policy.retention());
    return new TapeManifest(
        tape.barcode(),
        tape.gatewayName(),
        tape.awsPool(),
        storageClass,
        tape.baculaPool(),
        tape.director(),
        jobs,
        List.copyOf(clients),
        bytes,
        null,
        lastWritten,
        retainUntil,
        null,
        now);
  }
}
