package io.tapeflow.worker.cli.tapes;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds tapes. Which tapes: a visibility query ({@code ListWorkflowExecutions}) on the search
 * attributes {@code TapeState}, {@code TapePool} and {@code GatewayName} where the server has
 * visibility (dev server, cluster); on the embedded server, which answers UNIMPLEMENTED to it, the
 * open {@code TapeWorkflow} runs ({@code ListOpenWorkflowExecutions}), each described for its
 * search attributes and filtered here. Details (VolStatus, since, what it waits for) always come
 * from each tape's {@code snapshot} query, so the listed state is the tape's own, not the index's.
 */
final class TapeDirectory {
  private static final String TYPE = "TapeWorkflow";

  /**
   * Every tape matching the filters, by barcode.
   *
   * @param state only tapes in this state, if given
   * @param pool only tapes whose {@code TapePool} is this, if given
   * @param gateway only tapes of this gateway, if given
   */
  static List<TapeRow> list(
      TemporalConnection t,
      Optional<TapeState> state,
      Optional<String> pool,
      Optional<String> gateway) {
    List<Found> found;
    try {
      found = visible(t, state, pool, gateway);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      found = open(t);
    }
    List<TapeRow> rows = new ArrayList<>();
    for (Found f : found) {
      TapeSnapshot s = snapshot(t, f.workflowId());
      if (s == null) {
        continue; // ended between the listing and the query
      }
      TapeRow r = TapeRow.of(s, f.pool(), f.gateway());
      if (state.map(x -> x == r.state()).orElse(true)
          && pool.map(x -> x.equals(r.pool())).orElse(true)
          && gateway.map(x -> x.equals(r.gateway())).orElse(true)) {
        rows.add(r);
      }
    }
    rows.sort(Comparator.comparing(TapeRow::barcode));
    return rows;
  }

  /** One tape, or empty when it has no running workflow. */
  static Optional<TapeRow> find(TemporalConnection t, String barcode) {
    String id = TapeWorkflows.workflowId(barcode);
    TapeSnapshot s = snapshot(t, id);
    if (s == null) {
      return Optional.empty();
    }
    SearchAttributes sa =
        t.client().newUntypedWorkflowStub(id).describe().getTypedSearchAttributes();
    return Optional.of(
        TapeRow.of(s, sa.get(TapeSearchAttributes.POOL), sa.get(TapeSearchAttributes.GATEWAY)));
  }

  /** The tape's snapshot, or null if it has no workflow. */
  static TapeSnapshot snapshot(TemporalConnection t, String workflowId) {
    try {
      return t.client().newWorkflowStub(TapeWorkflow.class, workflowId).snapshot();
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      return null;
    }
  }

  private record Found(String workflowId, String pool, String gateway) {
    static Found of(String workflowId, SearchAttributes sa) {
      return new Found(
          workflowId, sa.get(TapeSearchAttributes.POOL), sa.get(TapeSearchAttributes.GATEWAY));
    }
  }

  /** The values come from an enum and from the config, never from free text. */
  private static List<Found> visible(
      TemporalConnection t,
      Optional<TapeState> state,
      Optional<String> pool,
      Optional<String> gateway) {
    StringBuilder q =
        new StringBuilder("WorkflowType = '" + TYPE + "' AND ExecutionStatus = 'Running'");
    state.ifPresent(s -> q.append(" AND TapeState = '").append(s.name()).append('\''));
    pool.ifPresent(p -> q.append(" AND TapePool = '").append(quoted(p)).append('\''));
    gateway.ifPresent(g -> q.append(" AND GatewayName = '").append(quoted(g)).append('\''));
    List<Found> found = new ArrayList<>();
    t.client()
        .listExecutions(q.toString())
        .forEach(
            (WorkflowExecutionMetadata m) ->
                found.add(
                    Found.of(m.getExecution().getWorkflowId(), m.getTypedSearchAttributes())));
    return found;
  }

  private static String quoted(String v) {
    if (v.contains("'") || v.contains("\\")) {
      throw new UsageException("'" + v + "' cannot be used in a filter");
    }
    return v;
  }

  /**
   * The embedded server's listing: open runs of the type. It answers with every open run in one
   * page (it keeps everything in memory), so no page token is followed; it also ignores the type
   * filter (measured: the gateway watchers come back too), so the type is checked here.
   */
  private static List<Found> open(TemporalConnection t) {
    List<Found> found = new ArrayList<>();
    for (WorkflowExecutionInfo i :
        t.workflowService()
            .blockingStub()
            .listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(t.namespace())
                    .setMaximumPageSize(10_000)
                    .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(TYPE))
                    .build())
            .getExecutionsList()) {
      if (!TYPE.equals(i.getType().getName())) {
        continue;
      }
      String id = i.getExecution().getWorkflowId();
      found.add(
          Found.of(
              id, t.client().newUntypedWorkflowStub(id).describe().getTypedSearchAttributes()));
    }
    return found;
  }
}
