package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.restore.RestoreInput;
import io.tapeflow.workflows.restore.RestoreResult;
import io.tapeflow.workflows.restore.RestoreWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapeflow restore --job ID [--where DIR] [--wait]}: starts a {@link RestoreWorkflow} with
 * id {@code restore/<ID>} (retrieve the job's archived volumes, import, Read-Only, restore job,
 * send back). With {@code --wait}, until it ends, showing its volumes' progress.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a Bacula job, retrieving its volumes from the shelf.")
public final class RestoreCommand extends OperatorCommand {
  /** How long a retrieved copy stays online at most; released earlier when the restore ends. */
  static final Duration HOLD = Duration.ofHours(24);

  /** Deep Archive returns a copy within 12 hours; an hour more for the import. */
  static final Duration READY_TIMEOUT = StorageClass.DEEP_ARCHIVE.retrievalWithin().plusHours(1);

  @Option(names = "--job", required = true, paramLabel = "ID", description = "The backup JobId.")
  long job;

  @Option(names = "--where", paramLabel = "DIR", description = "Where on the client.")
  String where;

  @Option(names = "--wait", description = "Wait until the restore ends.")
  boolean await;

  @Override
  void validate() {
    if (job <= 0) {
      throw new UsageException("--job must be a positive JobId, got " + job);
    }
    if (where != null && (!where.startsWith("/") || where.chars().anyMatch(ch -> ch < 0x20))) {
      throw new UsageException(
          "--where must be an absolute path on the client, got '" + where + "'");
    }
  }

  @Override
  int run(TapeflowConfig c) throws InterruptedException {
    String requestId = Long.toString(job);
    RestoreInput input =
        new RestoreInput(requestId, c.bacula().director(), job, null, where, HOLD, READY_TIMEOUT);
    TemporalConnection t = temporal(c);
    String id = RestoreWorkflow.workflowId(requestId);
    RestoreWorkflow w =
        t.client()
            .newWorkflowStub(
                RestoreWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(TaskQueues.TAPEFLOW)
                    .build());
    WorkflowClient.start(w::restore, input);
    out().println("restoring job " + job + ": workflow " + id);
    if (!await) {
      return 0;
    }
    out().flush();
    Progress p = new Progress(out(), Progress.onTerminal(), Instant.now());
    WorkflowStub stub = WorkflowStub.fromTyped(w);
    while (true) {
      try {
        RestoreResult r = stub.getResult(5, TimeUnit.SECONDS, RestoreResult.class);
        p.done();
        out()
            .println(
                "restore job "
                    + r.restoreJobId()
                    + " ended "
                    + r.jobStatus()
                    + ": "
                    + r.files()
                    + " files, "
                    + r.bytes()
                    + " bytes; volumes "
                    + r.volumes());
        return "T".equals(r.jobStatus()) ? 0 : 1;
      } catch (TimeoutException e) {
        Map<String, String> v = w.volumes();
        long answered = v.values().stream().filter(s -> !s.isEmpty()).count();
        p.show(answered + "/" + v.size() + " volumes ready " + v, Instant.now(), null);
      }
    }
  }
}
