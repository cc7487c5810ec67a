package io.tapeflow.workflows.tape;

import static io.tapeflow.workflows.lifecycle.TapeState.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.TapeManifest;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.tapeflow.workflows.testing.Tapes;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tape's whole life in a time-skipping environment: create, import, label, write, fill, export,
 * archive, retrieve, import read-only, return, expire, delete. Each state is checked through the
 * {@code snapshot} query and the {@code TapeState} search attribute.
 *
 * <p>With {@code -Dtapeflow.recordHistories=true} the run's history is written to {@code
 * src/test/resources/histories/tape-full-life.json}, the golden history of {@code
 * TapeWorkflowReplayTest}.
 */
class TapeWorkflowLifeTest {
  private static final Logger log = LoggerFactory.getLogger(TapeWorkflowLifeTest.class);
  static final String BC = "TAP00001";

  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void wholeLife_fromCreationToDeletion_passesEveryStateVisibly() throws IOException {
    TapeWorkflow tape =
        t.startTape(
            Tapes.requested(BC, t.now(), TapePolicy.newBuilder().allowEarlyDeletion(true).build()));
    seen(CREATING, "gateway");

    // The gateway finishes creating the tape and puts it in an I/E slot; the watcher says so.
    t.gateway.set(BC, GatewayStatuses.AVAILABLE);
    t.changer.put(BC, Location.ieSlot(1601));
    tape.gatewayStatus(GatewayStatus.of(BC, GatewayStatuses.AVAILABLE, t.now()));
    TapeSnapshot scratch = seen(SCRATCH, "drive 257");
    assertThat(scratch.waitingFor()).contains("Bacula to write");
    assertThat(t.bacula.commands()).contains("label " + BC + " drive=0");

    // A backup job starts on the tape, then ends with the tape Full.
    tape.volumeStatus(new VolumeStatus(BC, VolStatuses.APPEND, t.now(), 1025, true, 0, 7L, true));
    seen(IN_USE, "drive 257");
    t.bacula.set(BC, VolStatuses.FULL);
    tape.volumeStatus(new VolumeStatus(BC, VolStatuses.FULL, t.now(), 1025, true, 0, 7L, false));
    seen(FULL, "drive 257");

    RequestResult archived = tape.archive(new ArchiveRequest("archive-1", "weekly vaulting"));
    assertThat(archived.changed()).isTrue();
    assertThat(archived.state()).isEqualTo(EJECTING);
    seen(IN_TRANSIT, "in transit");
    assertThat(t.bacula.commands()).contains("update slots");
    assertThat(t.changer.where(BC).kind()).isEqualTo(Location.Kind.IE_SLOT);

    // The watcher signals ARCHIVED; IN TRANSIT TO VTS and ARCHIVING are progress only.
    t.gateway.set(BC, GatewayStatuses.ARCHIVING);
    t.env.sleep(Duration.ofMinutes(30));
    t.gateway.set(BC, GatewayStatuses.ARCHIVED);
    tape.gatewayStatus(GatewayStatus.of(BC, GatewayStatuses.ARCHIVED, t.now()));
    TapeSnapshot shelved = seen(ARCHIVED, "shelf");
    assertThat(shelved.waitingFor()).contains("retrieve or expire");
    TapeManifest m = t.manifest.manifest(BC);
    assertThat(m.jobs()).hasSize(2);
    assertThat(m.clients()).containsExactly("client1-fd", "client2-fd");
    assertThat(m.bytes()).isEqualTo(1_005_000);
    assertThat(m.minimumStorageUntil()).isEqualTo(m.archivedAt().plus(Duration.ofDays(180)));

    t.env.sleep(Duration.ofDays(30));
    RequestResult retrieve =
        tape.retrieve(
            new RetrieveRequest("restore-42", "restore job 42", Duration.ofHours(4), null));
    assertThat(retrieve.changed()).isTrue();
    seen(RETRIEVING, "in transit");
    assertThat(t.gateway.status(BC)).isEqualTo(GatewayStatuses.RETRIEVING);

    t.env.sleep(Duration.ofHours(4));
    t.gateway.set(BC, GatewayStatuses.RETRIEVED);
    t.changer.put(BC, Location.ieSlot(1605));
    tape.gatewayStatus(GatewayStatus.of(BC, GatewayStatuses.RETRIEVED, t.now()));
    TapeSnapshot online = seen(ONLINE_READ_ONLY, "slot");
    assertThat(online.record().readOnly()).isTrue();
    assertThat(t.bacula.status(BC)).isEqualTo(VolStatuses.READ_ONLY);
    assertThat(online.waitingFor()).contains("restores");

    // The restore is done: its requester releases the copy, which goes back to the shelf.
    tape.release(new ReleaseRequest("restore-42"));
    t.until(
        tape,
        s ->
            s.state() == EJECTING
                && t.changer.where(BC).kind() == Location.Kind.IE_SLOT
                && s.record().did(io.tapeflow.workflows.lifecycle.Step.SYNC_BACULA),
        Duration.ofMinutes(10));
    assertThat(t.bacula.status(BC))
        .as("Bacula gets back the status it had")
        .isEqualTo(VolStatuses.FULL);
    t.gateway.set(BC, GatewayStatuses.ARCHIVED);
    tape.gatewayStatus(GatewayStatus.of(BC, GatewayStatuses.ARCHIVED, t.now()));
    seen(ARCHIVED, "shelf");

    // Bacula prunes the volume; tapeflow may now delete the tape.
    t.env.sleep(Duration.ofDays(60));
    t.bacula.set(BC, VolStatuses.PURGED);
    RequestResult expire = tape.expire(new ExpireRequest("expire-1", "retention over", false));
    assertThat(expire.state()).isEqualTo(EXPIRING);

    WorkflowStub run = t.client.newUntypedWorkflowStub(TapeWorkflows.workflowId(BC));
    run.getResult(Void.class);
    assertThat(t.gateway.status(BC)).isEqualTo(GatewayStatuses.DELETED);
    assertThat(t.bacula.commands()).last().isEqualTo("delete " + BC);

    WorkflowExecutionHistory h = t.history(BC);
    // One upsert per state the tape settled in; states passed through within one workflow task
    // (IN_IE_SLOT, IN_SLOT, RETRIEVED_IN_IE) are in the audit trail and the snapshot.
    List<String> states = TapeflowTestEnv.upsertedStates(h);
    assertThat(states)
        .containsExactly(
            "CREATING",
            "IMPORTING",
            "LABELING",
            "SCRATCH",
            "IN_USE",
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
    // The place in the Temporal UI keeps one numbering, element addresses, whoever reported it.
    List<String> locations = TapeflowTestEnv.publishedLocations(h);
    assertThat(locations).contains("slot 1025", "drive 257");
    assertThat(locations).allMatch(l -> TapeflowTestEnv.isElementText(l, Tapes.LAYOUT));
    List<AuditRecord> audit = t.manifest.audit(BC);
    assertThat(audit)
        .extracting(a -> a.to().name())
        .containsExactly(
            "CREATING",
            "IN_IE_SLOT",
            "IMPORTING",
            "IN_SLOT",
            "LABELING",
            "SCRATCH",
            "IN_USE",
            "FULL",
            "EJECTING",
            "IN_TRANSIT",
            "ARCHIVED",
            "RETRIEVING",
            "RETRIEVED_IN_IE",
            "IMPORTING",
            "ONLINE_READ_ONLY",
            "EJECTING",
            "ARCHIVED",
            "EXPIRING",
            "DELETED");
    assertThat(audit).extracting(AuditRecord::seq).isSorted().doesNotHaveDuplicates();
    SearchAttributes sa = t.searchAttributes(BC);
    assertThat(sa.get(TapeSearchAttributes.STATE)).isEqualTo("DELETED");
    assertThat(sa.get(TapeSearchAttributes.BARCODE)).isEqualTo(BC);
    assertThat(sa.get(TapeSearchAttributes.POOL)).isEqualTo("DEEP_ARCHIVE");
    assertThat(sa.get(TapeSearchAttributes.GATEWAY)).isEqualTo(Tapes.GATEWAY);

    int events = h.getEvents().size();
    int retried = 3 * TapeflowTestEnv.retriedTasks(h);
    log.info(
        "full life history: {} events in one run, {} of them workflow-task retries of the test"
            + " server (goal <= 150 without them)",
        events,
        retried);
    record(h);
    assertThat(events - retried).isLessThanOrEqualTo(150);
  }

  /** Waits until the tape settles in {@code state}; checks the query and the search attributes. */
  private TapeSnapshot seen(TapeState state, String where) {
    TapeSnapshot s = t.untilState(BC, state);
    assertThat(s.location()).contains(where);
    SearchAttributes sa = t.searchAttributes(BC);
    assertThat(sa.get(TapeSearchAttributes.STATE)).isEqualTo(state.name());
    assertThat(sa.get(TapeSearchAttributes.LOCATION)).isEqualTo(s.location());
    return s;
  }

  private static void record(WorkflowExecutionHistory h) throws IOException {
    if (!Boolean.getBoolean("tapeflow.recordHistories")) {
      return;
    }
    Path out = moduleDir().resolve("src/test/resources/histories/tape-full-life.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, h.toJson(true), StandardCharsets.UTF_8);
    log.info("recorded {}", out);
  }

  /** The workflows module's directory (surefire runs tests there). */
  static Path moduleDir() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Files.isDirectory(p.resolve("src/test/java/io/tapeflow/workflows"))
        ? p
        : p.resolve("workflows");
  }
}
