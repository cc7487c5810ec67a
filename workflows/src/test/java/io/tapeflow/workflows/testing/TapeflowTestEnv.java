package io.tapeflow.workflows.testing;

import static org.assertj.core.api.Assertions.fail;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflowImpl;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflowImpl;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A time-skipping Temporal test environment with tapeflow's three kinds of task queue served:
 * {@code tapeflow} (workflows, gateway and manifest stubs), {@code changer/lib1} and {@code
 * bacula/dir1}. Search attributes are registered as on a real namespace.
 */
public final class TapeflowTestEnv implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  public final TestWorkflowEnvironment env;
  public final WorkflowClient client;
  public final StubGateway gateway;
  public final StubChanger changer;
  public final StubBacula bacula;
  public final StubManifest manifest;

  private TapeflowTestEnv(boolean serveChanger, Class<?>... extraWorkflows) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    TapeSearchAttributes.definitions().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    gateway = new StubGateway(this::now);
    changer = new StubChanger();
    bacula = new StubBacula(this::now, changer);
    manifest = new StubManifest();
    Worker tapeflow = env.newWorker(TaskQueues.TAPEFLOW);
    List<Class<?>> types =
        new ArrayList<>(
            List.of(
                TapeWorkflowImpl.class,
                GatewayWatcherWorkflowImpl.class,
                io.tapeflow.workflows.restore.RestoreWorkflowImpl.class,
                io.tapeflow.workflows.tape.ProvisionTapesWorkflowImpl.class));
    types.addAll(List.of(extraWorkflows));
    tapeflow.registerWorkflowImplementationTypes(types.toArray(new Class<?>[0]));
    tapeflow.registerActivitiesImplementations(gateway, manifest);
    if (serveChanger) {
      env.newWorker(TaskQueues.changer(Tapes.LIBRARY)).registerActivitiesImplementations(changer);
    }
    env.newWorker(TaskQueues.bacula(Tapes.DIRECTOR)).registerActivitiesImplementations(bacula);
    env.start();
  }

  /** An environment with every queue served. */
  public static TapeflowTestEnv start(Class<?>... extraWorkflows) {
    return new TapeflowTestEnv(true, extraWorkflows);
  }

  /** An environment where nobody polls the changer queue (its host is down). */
  public static TapeflowTestEnv withoutChangerHost() {
    return new TapeflowTestEnv(false);
  }

  public Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  /** Starts a tape's workflow as tapeflow does, and returns a stub to talk to it. */
  public TapeWorkflow startTape(TapeInput input) {
    WorkflowOptions options = TapeWorkflows.startOptions(input);
    TapeWorkflow wf = client.newWorkflowStub(TapeWorkflow.class, options);
    WorkflowClient.start(wf::run, input);
    return tape(input.tape().barcode().value());
  }

  /** A stub for a tape's running workflow. */
  public TapeWorkflow tape(String barcode) {
    return client.newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(barcode));
  }

  /**
   * Lets (virtual) time pass in one-second steps until the tape's snapshot matches, for at most
   * {@code within} of virtual time.
   */
  public TapeSnapshot until(TapeWorkflow tape, Predicate<TapeSnapshot> p, Duration within) {
    Instant end = now().plus(within);
    TapeSnapshot s = tape.snapshot();
    while (s == null || !p.test(s)) {
      if (now().isAfter(end)) {
        fail("tape did not get there within %s; it is %s", within, s);
      }
      env.sleep(Duration.ofSeconds(1));
      s = tape.snapshot();
    }
    return s;
  }

  /**
   * Until the tape is in {@code state} with nothing left to do there (a step counts as busy). It
   * watches the search attribute first and queries only then, so that queries rarely meet workflow
   * tasks in flight.
   */
  public TapeSnapshot untilState(String barcode, TapeState state) {
    Instant end = now().plus(Duration.ofMinutes(30));
    TapeWorkflow tape = tape(barcode);
    while (true) {
      if (state.name().equals(searchAttributes(barcode).get(TapeSearchAttributes.STATE))) {
        TapeSnapshot s = tape.snapshot();
        if (s.state() == state && TapeLifecycle.nextStep(s.record()) == null) {
          return s;
        }
      }
      if (now().isAfter(end)) {
        fail("tape %s did not settle in %s; it is %s", barcode, state, tape.snapshot());
      }
      env.sleep(Duration.ofSeconds(1));
    }
  }

  /** The search attributes of a tape's workflow, as the server stores them. */
  public SearchAttributes searchAttributes(String barcode) {
    return client
        .newUntypedWorkflowStub(TapeWorkflows.workflowId(barcode))
        .describe()
        .getTypedSearchAttributes();
  }

  /** The history of a tape's current run. */
  public WorkflowExecutionHistory history(String barcode) {
    return client.fetchHistory(TapeWorkflows.workflowId(barcode));
  }

  /** The TapeState values the run upserted, in order. */
  public static List<String> upsertedStates(WorkflowExecutionHistory h) {
    return values(h, TapeSearchAttributes.STATE.getName(), false);
  }

  /** Every value of the {@code TapeLocation} search attribute, from the start on, in order. */
  public static List<String> publishedLocations(WorkflowExecutionHistory h) {
    return values(h, TapeSearchAttributes.LOCATION.getName(), true);
  }

  private static List<String> values(
      WorkflowExecutionHistory h, String attribute, boolean fromStart) {
    List<String> values = new ArrayList<>();
    for (HistoryEvent e : h.getEvents()) {
      Map<String, Payload> fields;
      if (e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) {
        fields =
            e.getUpsertWorkflowSearchAttributesEventAttributes()
                .getSearchAttributes()
                .getIndexedFieldsMap();
      } else if (fromStart && e.hasWorkflowExecutionStartedEventAttributes()) {
        fields =
            e.getWorkflowExecutionStartedEventAttributes()
                .getSearchAttributes()
                .getIndexedFieldsMap();
      } else {
        continue;
      }
      if (fields.containsKey(attribute)) {
        values.add(fields.get(attribute).getData().toStringUtf8().replace("\"", ""));
      }
    }
    return values;
  }

  /**
   * Whether a {@code TapeLocation} text names an element of {@code layout} by its element address
   * (or names no element at all: "shelf", "in transit", an I/E slot not known yet ...).
   */
  public static boolean isElementText(String location, LibraryLayout layout) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(I/E slot|slot|drive) (\\d+)").matcher(location);
    if (!m.matches()) {
      return !location.matches(".*\\d.*");
    }
    int address = Integer.parseInt(m.group(2));
    return switch (m.group(1)) {
      case "drive" -> layout.driveIndex(Location.drive(address)) >= 0;
      case "slot" -> layout.baculaSlot(Location.slot(address)) > 0;
      default -> layout.baculaSlot(Location.ieSlot(address)) > 0;
    };
  }

  /**
   * Workflow tasks the test server schedules as a second attempt right after a completed one, with
   * no event that calls for them (seen when a query meets a workflow task in flight). They are
   * counted apart in history figures: a cluster does not record them.
   */
  public static int retriedTasks(WorkflowExecutionHistory h) {
    int n = 0;
    for (HistoryEvent e : h.getEvents()) {
      if (e.hasWorkflowTaskScheduledEventAttributes()
          && e.getWorkflowTaskScheduledEventAttributes().getAttempt() > 1) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() {
    env.close();
  }
}
