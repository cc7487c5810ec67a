package io.tapeflow.workflows.restore;

import io.tapeflow.workflows.bacula.BaculaActivities;
import io.tapeflow.workflows.bacula.JobOutcome;
import io.tapeflow.workflows.bacula.JobRequest;
import io.tapeflow.workflows.bacula.RestoreJobRequest;
import io.tapeflow.workflows.common.ActivityProfiles;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.ReleaseRequest;
import io.tapeflow.workflows.tape.RetrieveRequest;
import io.tapeflow.workflows.tape.TapeNotice;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/** The restore workflow. */
public final class RestoreWorkflowImpl implements RestoreWorkflow {
  private static final Logger log = Workflow.getLogger(RestoreWorkflowImpl.class);

  /** States in which a tape's volume can be read without a retrieval. */
  private static final Set<TapeState> READABLE =
      EnumSet.of(TapeState.SCRATCH, TapeState.IN_USE, TapeState.FULL, TapeState.ONLINE_READ_ONLY);

  private final Map<String, TapeNotice> answers = new LinkedHashMap<>();
  private final Map<String, String> said = new LinkedHashMap<>();

  @Override
  public RestoreResult restore(RestoreInput in) {
    BaculaActivities bacula =
        Workflow.newActivityStub(BaculaActivities.class, ActivityProfiles.bacula(in.director()));
    BaculaActivities jobs =
        Workflow.newActivityStub(BaculaActivities.class, ActivityProfiles.baculaJob(in.director()));
    List<String> volumes = bacula.volumesForJob(new JobRequest(in.director(), in.backupJobId()));
    if (volumes.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "job "
              + in.backupJobId()
              + " has no volumes in Bacula's catalog: check the JobId (bconsole: list jobmedia jobid="
              + in.backupJobId()
              + ")",
          Failures.VOLUME_NOT_FOUND);
    }
    volumes.forEach(v -> said.put(v, ""));
    String me = Workflow.getInfo().getWorkflowId();
    List<Promise<Void>> asked = new ArrayList<>();
    for (String v : volumes) {
      TapeWorkflow tape =
          Workflow.newExternalWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(v));
      RetrieveRequest r =
          new RetrieveRequest(in.requestId(), "restore of job " + in.backupJobId(), in.hold(), me);
      asked.add(Async.procedure(tape::requestRetrieve, r));
    }
    List<String> retrieved = new ArrayList<>();
    try {
      for (int i = 0; i < volumes.size(); i++) {
        try {
          asked.get(i).get();
        } catch (RuntimeException e) {
          throw ApplicationFailure.newNonRetryableFailure(
              "tape "
                  + volumes.get(i)
                  + " has no workflow: tapeflow does not manage it (reconcile adopts tapes it finds)",
              Failures.TAPE_NOT_FOUND);
        }
      }
      boolean answered =
          Workflow.await(in.readyTimeout(), () -> answers.keySet().containsAll(volumes));
      if (!answered) {
        throw ApplicationFailure.newNonRetryableFailure(
            "the tapes were not all online after " + in.readyTimeout() + ": " + said,
            Failures.TIMEOUT);
      }
      for (String v : volumes) {
        TapeNotice n = answers.get(v);
        boolean ready =
            n.kind() == TapeNotice.Kind.READY
                || (n.kind() == TapeNotice.Kind.REJECTED && READABLE.contains(n.state()));
        if (n.kind() == TapeNotice.Kind.READY) {
          retrieved.add(v);
        }
        if (!ready) {
          throw ApplicationFailure.newNonRetryableFailure(
              "tape "
                  + v
                  + " cannot be read for the restore ("
                  + n.kind()
                  + " in "
                  + n.state()
                  + "): "
                  + n.message(),
              Failures.ILLEGAL_TRANSITION);
        }
      }
      long job =
          bacula.startRestore(
              new RestoreJobRequest(
                  in.director(), in.backupJobId(), in.client(), in.where(), in.requestId()));
      JobOutcome outcome = jobs.awaitJob(new JobRequest(in.director(), job));
      return new RestoreResult(
          in.requestId(),
          volumes,
          retrieved,
          job,
          outcome.jobStatus(),
          outcome.files(),
          outcome.bytes());
    } finally {
      // Every tape asked gets a release: a copy nobody else holds goes back to the shelf.
      for (String v : volumes) {
        TapeWorkflow tape =
            Workflow.newExternalWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(v));
        Async.procedure(tape::release, new ReleaseRequest(in.requestId()))
            .exceptionally(
                e -> {
                  log.info("could not release tape {}: {}", v, e.getMessage());
                  return null;
                })
            .get();
      }
    }
  }

  @Override
  public void tapeNotice(TapeNotice notice) {
    answers.put(notice.barcode(), notice);
    said.put(notice.barcode(), notice.kind() + " " + notice.state() + ": " + notice.message());
  }

  @Override
  public Map<String, String> volumes() {
    return Map.copyOf(said);
  }
}
