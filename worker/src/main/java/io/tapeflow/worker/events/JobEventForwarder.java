package io.tapeflow.worker.events;

import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a finished Bacula job to the workflows of the tapes it used: each volume's catalog record
 * is read now and sent as a {@code volumeStatus} signal (Full, Used or Append after a backup).
 * Tapes tapeflow does not manage are skipped.
 *
 * <p>The status is stamped with the event's time, not the time it is forwarded: the tape workflow
 * keeps only observations newer than the one it has, so the same event forwarded again (a replay
 * after a crash) changes nothing.
 */
public final class JobEventForwarder {
  private static final Logger LOG = LoggerFactory.getLogger(JobEventForwarder.class);

  private final WorkflowClient client;
  private final Function<VolumeName, Optional<VolumeRecord>> catalog;

  /**
   * @param catalog reads a volume's catalog record, e.g. {@code console::volume}
   */
  public JobEventForwarder(
      WorkflowClient client, Function<VolumeName, Optional<VolumeRecord>> catalog) {
    this.client = client;
    this.catalog = catalog;
  }

  /**
   * Signals every volume of the event; returns how many tape workflows got it. A failure to read
   * the catalog or to reach Temporal is thrown: the event has not been fully delivered.
   */
  public int forward(JobEndEvent e) {
    int sent = 0;
    for (VolumeName v : e.volumes()) {
      Optional<VolumeRecord> record = catalog.apply(v);
      if (record.isEmpty()) {
        LOG.info("job {}: volume {} is not in the catalog, nothing to tell", e.job(), v);
        continue;
      }
      VolumeRecord r = record.get();
      VolumeStatus status =
          new VolumeStatus(
              v.value(),
              r.status().bacula(),
              e.at(),
              r.slot(),
              r.inChanger(),
              null,
              e.job().value(),
              false);
      try {
        client
            .newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(v.value()))
            .volumeStatus(status);
        sent++;
      } catch (WorkflowNotFoundException notManaged) {
        LOG.info("job {}: tape {} has no workflow (not managed by tapeflow)", e.job(), v);
      }
    }
    return sent;
  }
}
