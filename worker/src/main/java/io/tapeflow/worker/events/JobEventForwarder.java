package io.tapeflow.worker.events;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a finished Bacula job to the workflows of the tapes it used: each volume's catalog record
 * is read now and sent as a {@code volumeStatus} signal (Full, Used or Append after a backup).
 * Tapes tapeflow does not manage are skipped.
 */
public final class JobEventForwarder {
  private static final Logger LOG = LoggerFactory.getLogger(JobEventForwarder.class);

  private final WorkflowClient client;
  private final BaculaConsole console;
  private final Clock clock;

  public JobEventForwarder(WorkflowClient client, BaculaConsole console, Clock clock) {
    this.client = client;
    this.console = console;
    this.clock = clock;
  }

  /** Signals every volume of the event; returns how many tape workflows got it. */
  public int forward(JobEndEvent e) {
    int sent = 0;
    for (VolumeName v : e.volumes()) {
      Optional<VolumeRecord> record = console.volume(v);
      if (record.isEmpty()) {
        LOG.info("job {}: volume {} is not in the catalog, nothing to tell", e.job(), v);
        continue;
      }
      VolumeRecord r = record.get();
      VolumeStatus status =
          new VolumeStatus(
              v.value(),
              r.status().bacula(),
              clock.instant(),
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
