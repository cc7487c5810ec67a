package io.tapeflow.worker.life;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.changer.ChangerActivitiesImpl;
import io.tapeflow.activities.changer.Libraries;
import io.tapeflow.activities.testing.BaculaLab;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.event.SpoolJobEventSink;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.worker.config.ConfigException;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.SearchAttributeRegistry;
import io.tapeflow.worker.temporal.TapeflowWorker;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.worker.temporal.WorkerParts;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflow;
import io.tapeflow.workflows.gateway.WatcherInput;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.restore.RestoreInput;
import io.tapeflow.workflows.restore.RestoreResult;
import io.tapeflow.workflows.restore.RestoreWorkflow;
import io.tapeflow.workflows.tape.ArchiveRequest;
import io.tapeflow.workflows.tape.ExpireRequest;
import io.tapeflow.workflows.tape.TapeIdentity;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeTemplate;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tape's whole life with the real parts: the Storage Gateway emulator (its library a private
 * tgtd, driven over libiscsi), a real Bacula 9.6 whose storage daemon uses tapeflow's Changer
 * Command, S3Proxy for the shelf and the manifests, the embedded Temporal test server (real time,
 * 127.0.0.1), all wired by {@code TapeflowWorker} as {@code tapeflow worker} wires them: the real
 * activities, the gateway watcher signalling the tape, the job-end spool drained into it.
 *
 * <p>create → import → label → backup → full → export → archived → retrieve → import → read-only →
 * restore → back to the shelf → expired → deleted; every state is checked through the {@code
 * TapeState} search attribute and the {@code snapshot} query, and the history's size is reported.
 */
class TapeLifeIT {
  private static final Logger LOG = LoggerFactory.getLogger(TapeLifeIT.class);
  private static final String BC = "TFE00001";
  private static final Duration STEP = Duration.ofMinutes(3);

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static BaculaLab bacula;
  static BaculaConsole console;
  static BaculaTestConsole testConsole;
  static MediumChanger changer;
  static TemporalConnection temporal;
  static TapeflowWorker worker;
  static GatewayWatcherWorkflow watcher;

  /** Every state seen, by the query or by the search attribute, in order. */
  static final Set<TapeState> seenByQuery = new LinkedHashSet<>();

  static final Set<String> seenByAttribute = new LinkedHashSet<>();

  @BeforeAll
  static void start() {
    gw =
        EmulatedGateway.start(
            dir.resolve("gw"),
            c ->
                c.library(2, 12, 6)
                    .delays(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(3)));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    bacula = BaculaLab.start(dir.resolve("bacula"), gw, 2, "--volume-retention", "1 second");
    console = bacula.console();
    testConsole = bacula.testConsole();
    changer = gw.openChanger();
    temporal = TemporalConnection.embedded(0);
    SearchAttributeRegistry.ensure(temporal);
    // The watcher polls every 250 ms here (a minute by default): started first, the worker finds it
    // running and keeps it.
    watcher =
        temporal
            .client()
            .newWorkflowStub(
                GatewayWatcherWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(GatewayWatcherWorkflow.workflowId("gw1"))
                    .setTaskQueue(TaskQueues.TAPEFLOW)
                    .build());
    WorkflowClient.start(
        watcher::watch,
        WatcherInput.of("gw1", gw.gatewayArn())
            .withIntervals(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMinutes(2)));
    worker =
        TapeflowWorker.start(
            config(),
            temporal,
            new WorkerParts(gw.sgw(), gw.s3(), Map.of("gw1", changer), console),
            false);
  }

  /** The config {@code tapeflow worker} would read on this host (embedded Temporal). */
  private static TapeflowConfig config() {
    String yaml =
        """
        temporal: {mode: embedded}
        state: state
        locks: LOCKS
        spool: spool
        gateways:
          - name: gw1
            arn: ARN
            region: us-east-1
            endpoint: SGW
            changer: CHANGER
            drives: [/dev/nst0, /dev/nst1]
        bacula:
          director: dir1
          storage: STORAGE
          restoreJob: RESTORE_JOB
          restoreWhere: RESTORE_DIR
        pools:
          - {name: POOL, gateway: gw1, shelf: GLACIER, barcodePrefix: TFE, tapeSize: 100GiB}
        manifests:
          bucket: tapeflow-manifests
          endpoint: S3
        """
            .replace("LOCKS", gw.locks().toString())
            .replace("ARN", gw.gatewayArn())
            .replace("SGW", gw.emulator().endpoint().toString())
            .replace("CHANGER", gw.changerUri())
            .replace("RESTORE_JOB", bacula.env("RESTORE_JOB"))
            .replace("RESTORE_DIR", bacula.env("RESTORE_DIR"))
            .replace("STORAGE", bacula.env("STORAGE"))
            .replace("POOL", bacula.env("POOL"))
            .replace("S3", gw.emulator().s3Endpoint().toString());
    try {
      Path f = dir.resolve("tapeflow.yaml");
      Files.writeString(f, yaml);
      return ConfigReader.read(f, Map.of());
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (watcher != null) {
      watcher.stop();
    }
    for (AutoCloseable c : new AutoCloseable[] {worker, bacula, changer, gw}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        LOG.warn("stopping {}: {}", c, e.toString());
      }
    }
  }

  @Test
  void oneTape_fromCreationToDeletion_withTheRealParts() throws IOException {
    LibraryLayout layout =
        new ChangerActivitiesImpl(new Libraries(Map.of("gw1", changer))).layout("gw1");
    TapeIdentity tape =
        new TapeTemplate(
                "gw1",
                gw.gatewayArn(),
                "gw1",
                "dir1",
                bacula.env("STORAGE"),
                bacula.env("POOL"),
                "GLACIER",
                100L << 30,
                0,
                layout)
            .identity(BC);
    TapePolicy policy =
        TapePolicy.defaults().toBuilder()
            .allowEarlyDeletion(true)
            .waits(Duration.ofMinutes(2), Duration.ofSeconds(10))
            .build();
    TapeInput input = TapeInput.of(tape, policy, TapeRecord.requested(java.time.Instant.now()));
    TapeWorkflow wf =
        temporal.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.startOptions(input));
    WorkflowClient.start(wf::run, input);
    TapeWorkflow t =
        temporal.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(BC));

    // create → import → label: the gateway creates it in an I/E slot, the watcher says AVAILABLE,
    // the robot imports it, Bacula labels it.
    TapeSnapshot scratch = settle(t, TapeState.SCRATCH);
    assertThat(scratch.location()).isEqualTo(layout.drive(0).describe());
    assertThat(console.volume(VolumeName.of(BC)).orElseThrow().status())
        .isEqualTo(VolStatus.APPEND);

    // backup: the job writes to the tape; its RunScript hands the ended job to tapeflow (the
    // job-start state IN_USE needs a Before hook, which this Bacula set-up has not).
    JobId backup = testConsole.run(JobName.of(bacula.env("BACKUP_JOB")));
    JobRecord done =
        testConsole.finishJob(
            backup, StorageName.of(bacula.env("STORAGE")), 0, STEP, Duration.ofMillis(500));
    assertThat(done.status().successful()).as("backup %s", done).isTrue();
    // The pool would close the volume after one job (Maximum Volume Jobs = 1); here an operator
    // does.
    console.updateVolume(VolumeName.of(BC), VolumeUpdate.status(VolStatus.USED));
    // The hook's file reaches the worker's spool (here only now, after the operator's update);
    // the worker forwards it and moves it to done/.
    JobEndEvent ended = handOver(backup);
    assertThat(ended.volumes()).extracting(VolumeName::value).contains(BC);
    settle(t, TapeState.FULL);

    // full → export → archived
    t.archive(new ArchiveRequest("vault-1", "weekly vaulting"));
    TapeSnapshot shelved = settle(t, TapeState.ARCHIVED);
    assertThat(shelved.location()).isEqualTo("shelf");
    String manifest = s3("manifests/" + BC + ".json");
    assertThat(manifest)
        .contains("\"jobId\" : " + backup.value())
        .contains(bacula.env("CLIENT"))
        .contains("archivedAt");

    // retrieve → import → read-only → restore → back to the shelf, driven by a restore workflow.
    RestoreWorkflow restore =
        temporal
            .client()
            .newWorkflowStub(
                RestoreWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(RestoreWorkflow.workflowId("restore-1"))
                    .setTaskQueue(TaskQueues.TAPEFLOW)
                    .build());
    WorkflowClient.start(
        restore::restore,
        new RestoreInput(
            "restore-1", "dir1", backup.value(), null, null, Duration.ofHours(1), STEP));
    settle(t, TapeState.ONLINE_READ_ONLY);
    RestoreResult restored = WorkflowStub.fromTyped(restore).getResult(RestoreResult.class);
    assertThat(restored.retrieved()).containsExactly(BC);
    assertThat(restored.jobStatus()).isEqualTo("T");
    assertSameFiles(Path.of(bacula.env("FILESET_DIR")), Path.of(bacula.env("RESTORE_DIR")));
    TapeSnapshot back = settle(t, TapeState.ARCHIVED);
    assertThat(back.record().readOnly()).isFalse();
    assertThat(console.volume(VolumeName.of(BC)).orElseThrow().status())
        .as("Bacula has the status from before the retrieval")
        .isEqualTo(VolStatus.USED);

    // expired → deleted: Bacula prunes the volume (retention 1 s), then tapeflow may delete it.
    sleep(Duration.ofSeconds(2));
    testConsole.purgeVolume(
        VolumeName.of(BC), VolumeEligibility.stated(VolumeName.of(BC), "test retention over"));
    t.expire(new ExpireRequest("expire-1", "retention over", false));
    WorkflowStub.fromTyped(t).getResult(Void.class);
    observe(t);
    assertThat(gw.sgw().listTapes().tapeInfos()).noneMatch(x -> x.tapeBarcode().equals(BC));
    assertThat(console.volume(VolumeName.of(BC))).isEmpty();

    // Every state, through the query and the search attribute.
    WorkflowExecutionHistory h = temporal.client().fetchHistory(TapeWorkflows.workflowId(BC));
    // Every place the tape was published at, whoever reported it (the robot, Bacula's catalog),
    // in one numbering: the changer's element addresses.
    List<String> locations = TapeflowTestEnv.publishedLocations(h);
    LOG.info("TapeLocation values through the life: {}", locations);
    assertThat(locations).contains(layout.drive(0).describe(), "shelf");
    assertThat(locations).allMatch(l -> TapeflowTestEnv.isElementText(l, layout));
    List<String> upserted = TapeflowTestEnv.upsertedStates(h);
    // One upsert per state the tape rested in (the emulator creates tapes at once, so CREATING is
    // only passed through here: it is among the transitions below).
    assertThat(upserted)
        .containsSubsequence(
            "IMPORTING",
            "LABELING",
            "SCRATCH",
            "FULL",
            "EJECTING",
            "IN_TRANSIT",
            "ARCHIVED",
            "RETRIEVING",
            "IMPORTING",
            "ONLINE_READ_ONLY",
            "EJECTING",
            "ARCHIVED",
            "EXPIRING",
            "DELETED");
    TapeSnapshot last = t.snapshot();
    assertThat(last.state()).isEqualTo(TapeState.DELETED);
    List<TapeState> transitions = last.record().recent().stream().map(x -> x.to()).toList();
    assertThat(transitions)
        .containsSubsequence(
            TapeState.CREATING,
            TapeState.IN_IE_SLOT,
            TapeState.IMPORTING,
            TapeState.IN_SLOT,
            TapeState.LABELING,
            TapeState.SCRATCH,
            TapeState.FULL,
            TapeState.EJECTING,
            TapeState.IN_TRANSIT,
            TapeState.ARCHIVED,
            TapeState.RETRIEVING,
            TapeState.RETRIEVED_IN_IE,
            TapeState.IMPORTING,
            TapeState.ONLINE_READ_ONLY,
            TapeState.EJECTING,
            TapeState.ARCHIVED,
            TapeState.EXPIRING,
            TapeState.DELETED);
    assertThat(seenByQuery)
        .contains(
            TapeState.SCRATCH,
            TapeState.FULL,
            TapeState.ARCHIVED,
            TapeState.ONLINE_READ_ONLY,
            TapeState.DELETED);
    assertThat(audit()).as("an audit record per transition").hasSize(last.record().seq());

    int events = h.getEvents().size();
    long retried =
        h.getEvents().stream()
            .filter(
                e ->
                    e.hasWorkflowTaskScheduledEventAttributes()
                        && e.getWorkflowTaskScheduledEventAttributes().getAttempt() > 1)
            .count();
    String figure =
        String.format(
            "tape life with the real parts: %d history events in one run (%d of them workflow-task"
                + " retries the test server records), %d transitions, seen by query %s, by attribute %s",
            events, 3 * retried, last.record().seq(), seenByQuery, seenByAttribute);
    LOG.info(figure);
    Path out = Path.of("target", "benchmarks", "tape-life.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figure + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.writeString(
        out.resolveSibling("tape-life-history.json"), h.toJson(true), StandardCharsets.UTF_8);
    assertThat(events - 3 * retried).as("history events (goal <= 150)").isLessThanOrEqualTo(150);
  }

  // ---------------------------------------------------------------- helpers

  /** Polls (real time) until the tape rests in {@code state}, noting every state seen. */
  private static TapeSnapshot settle(TapeWorkflow t, TapeState state) {
    long end = System.nanoTime() + STEP.toNanos();
    Predicate<TapeSnapshot> rests =
        s -> s != null && s.state() == state && TapeLifecycle.nextStep(s.record()) == null;
    while (true) {
      TapeSnapshot s = observe(t);
      if (rests.test(s)) {
        return s;
      }
      assertThat(System.nanoTime())
          .as("tape %s to rest in %s; it is %s", BC, state, s)
          .isLessThan(end);
      assertThat(s == null ? null : s.state())
          .as("tape failed: %s", s == null ? "" : s.failure())
          .isNotEqualTo(TapeState.FAILED);
      sleep(Duration.ofMillis(200));
    }
  }

  private static TapeSnapshot observe(TapeWorkflow t) {
    TapeSnapshot s = t.snapshot();
    if (s != null) {
      seenByQuery.add(s.state());
    }
    SearchAttributes sa =
        temporal
            .client()
            .newUntypedWorkflowStub(TapeWorkflows.workflowId(BC))
            .describe()
            .getTypedSearchAttributes();
    String state = sa.get(TapeSearchAttributes.STATE);
    if (state != null) {
      seenByAttribute.add(state);
    }
    return s;
  }

  /**
   * Moves the job-end event the Director's RunScript wrote into the worker's spool, and waits until
   * the worker has forwarded it.
   */
  private static JobEndEvent handOver(JobId job) throws IOException {
    Path from = Path.of(bacula.env("EVENT_SPOOL"));
    Path spool = worker.spool().done().getParent();
    long end = System.nanoTime() + STEP.toNanos();
    while (true) {
      for (Path f : SpoolJobEventSink.files(from)) {
        if (SpoolJobEventSink.readFile(f).job().equals(job)) {
          Files.createDirectories(spool);
          Files.move(f, spool.resolve(f.getFileName()));
        }
      }
      for (Path f : SpoolJobEventSink.files(worker.spool().done())) {
        JobEndEvent e = SpoolJobEventSink.readFile(f);
        if (e.job().equals(job)) {
          return e;
        }
      }
      assertThat(System.nanoTime()).as("the job-end event of job %s", job).isLessThan(end);
      sleep(Duration.ofMillis(200));
    }
  }

  private static String s3(String key) {
    return gw.s3()
        .getObjectAsBytes(b -> b.bucket("tapeflow-manifests").key(key))
        .asString(StandardCharsets.UTF_8);
  }

  private static List<String> audit() {
    return gw
        .s3()
        .listObjectsV2(b -> b.bucket("tapeflow-manifests").prefix("audit/" + BC + "/"))
        .contents()
        .stream()
        .map(o -> o.key())
        .toList();
  }

  /** Every file of the backed-up tree came back with the same bytes (under the restore root). */
  private static void assertSameFiles(Path original, Path restoreRoot) throws IOException {
    Path restored = restoreRoot.resolve(original.toAbsolutePath().toString().substring(1));
    List<Path> files;
    try (Stream<Path> s = Files.walk(original)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Path copy = restored.resolve(original.relativize(f).toString());
      assertThat(copy).as("restored %s", f).exists();
      assertThat(Files.readAllBytes(copy)).as("bytes of %s", f).isEqualTo(Files.readAllBytes(f));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
