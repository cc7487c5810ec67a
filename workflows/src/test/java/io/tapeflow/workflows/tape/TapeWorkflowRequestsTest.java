package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.NoticeListener;
import io.tapeflow.workflows.testing.NoticeListenerImpl;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.tapeflow.workflows.testing.Tapes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator requests and outside facts: validation, duplicates, order. */
class TapeWorkflowRequestsTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start(NoticeListenerImpl.class);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void archive_ofATapeInADriveThatBaculaUses_isRejectedWithAReason_andChangesNothing() {
    LifeDriver d = new LifeDriver(t, "TAP00010").toScratch();
    d.tape()
        .volumeStatus(
            new VolumeStatus(d.barcode, VolStatuses.APPEND, t.now(), 3, true, 1, 12L, true));
    TapeSnapshot before = d.settled(TapeState.IN_USE);
    assertThat(before.location()).isEqualTo("drive 258");
    long events = t.history(d.barcode).getEvents().size();

    ApplicationFailure f =
        rejected(() -> d.tape().archive(new ArchiveRequest("archive-too-early", "vault")));
    assertThat(f.getOriginalMessage())
        .contains("TAP00010 is in use by Bacula in drive 258 (job 12)")
        .contains("once the job has ended");

    TapeSnapshot after = d.snapshot();
    assertThat(after.state()).isEqualTo(TapeState.IN_USE);
    assertThat(after.record()).isEqualTo(before.record());
    // A rejected update leaves nothing in the history but, on the test server, the workflow task
    // that ran the validator (a cluster discards that speculative task).
    assertThat(
            t.history(d.barcode)
                .getEvents()
                .subList((int) events, t.history(d.barcode).getEvents().size()))
        .allMatch(e -> e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"));
    assertThat(t.changer.faults.calls("exportToIe")).isZero();
  }

  @Test
  void archive_repeated_isHarmless_theSameRequestIdGetsTheFirstAnswer() {
    LifeDriver d = new LifeDriver(t, "TAP00011").toFull();
    RequestResult first = d.tape().archive(new ArchiveRequest("vault-7", "weekly"));
    RequestResult again = d.tape().archive(new ArchiveRequest("vault-7", "weekly"));
    assertThat(again).isEqualTo(first);
    assertThat(first.changed()).isTrue();
    d.settled(TapeState.IN_TRANSIT);
    RequestResult other = d.tape().archive(new ArchiveRequest("vault-8", "weekly, again"));
    assertThat(other.changed()).isFalse();
    assertThat(other.message()).contains("already on its way to the shelf");
    assertThat(t.changer.faults.calls("exportToIe")).isEqualTo(1);
  }

  @Test
  void gatewayStatus_duplicateStaleAndOutOfOrder_changeNothing() {
    LifeDriver d = new LifeDriver(t, "TAP00012").toInTransit();
    String bc = d.barcode;
    TapeWorkflow tape = d.tape();
    // An observation from before the export (the tape was AVAILABLE then): stale.
    tape.gatewayStatus(GatewayStatus.of(bc, GatewayStatuses.ARCHIVED, t.now().minusSeconds(3600)));
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.IN_TRANSIT);

    t.env.sleep(Duration.ofMinutes(20));
    GatewayStatus archived = GatewayStatus.of(bc, GatewayStatuses.ARCHIVED, t.now());
    GatewayStatus olderArchiving =
        GatewayStatus.of(bc, GatewayStatuses.ARCHIVING, t.now().minusSeconds(300));
    tape.gatewayStatus(archived);
    tape.gatewayStatus(olderArchiving);
    tape.gatewayStatus(archived);
    TapeSnapshot s = d.settled(TapeState.ARCHIVED);
    assertThat(s.record().gateway()).isEqualTo(archived);
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.ARCHIVED);
    assertThat(d.snapshot().record().recent().stream().filter(x -> x.to() == TapeState.ARCHIVED))
        .hasSize(1);
  }

  @Test
  void volumeStatus_jobEndArrivingBeforeJobStart_leavesTheTapeFull() {
    LifeDriver d = new LifeDriver(t, "TAP00013").toScratch();
    VolumeStatus start =
        new VolumeStatus(d.barcode, VolStatuses.APPEND, t.now(), 1025, true, 0, 9L, true);
    t.env.sleep(Duration.ofMinutes(30));
    VolumeStatus end =
        new VolumeStatus(d.barcode, VolStatuses.FULL, t.now(), 1025, true, 0, 9L, false);
    d.tape().volumeStatus(end);
    d.tape().volumeStatus(start);
    d.settled(TapeState.FULL);
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.FULL);
    assertThat(d.snapshot().record().volume()).isEqualTo(end);
  }

  @Test
  void signal_forAnotherTape_isIgnored() {
    LifeDriver d = new LifeDriver(t, "TAP00014").start();
    TapeSnapshot s = d.settled(TapeState.CREATING);
    d.tape().gatewayStatus(GatewayStatus.of("TAP99999", GatewayStatuses.AVAILABLE, t.now()));
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(d.snapshot().record()).isEqualTo(s.record());
  }

  @Test
  void retrieve_ofATapeInTheLibrary_isRejected() {
    LifeDriver d = new LifeDriver(t, "TAP00015").toFull();
    ApplicationFailure f =
        rejected(() -> d.tape().retrieve(new RetrieveRequest("r1", "restore", null, null)));
    assertThat(f.getOriginalMessage()).contains("in the library").contains("no retrieval");
  }

  @Test
  void expire_whileBaculaStillHoldsTheVolume_isRefusedNamingTheRule() {
    LifeDriver d = new LifeDriver(t, "TAP00016").toArchived();
    t.bacula.set(d.barcode, VolStatuses.FULL);
    ApplicationFailure f =
        rejected(() -> d.tape().expire(new ExpireRequest("e1", "cleanup", false)));
    assertThat(f.getOriginalMessage()).contains("VolStatus Full").contains("purge volume=TAP00016");
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.ARCHIVED);
    assertThat(t.gateway.faults.calls("deleteTape")).isZero();
  }

  @Test
  void expire_beforeTheMinimumStorageDuration_isRefused_unlessThePolicyAllowsIt() {
    LifeDriver d = new LifeDriver(t, "TAP00017", TapePolicy.defaults()).toArchived();
    t.bacula.set(d.barcode, VolStatuses.PURGED);
    ApplicationFailure f =
        rejected(() -> d.tape().expire(new ExpireRequest("e1", "cleanup", false)));
    assertThat(f.getOriginalMessage()).contains("180 days in DEEP_ARCHIVE");

    t.env.sleep(Duration.ofDays(181));
    RequestResult dry = d.tape().expire(new ExpireRequest("e2", "check", true));
    assertThat(dry.changed()).isFalse();
    assertThat(dry.message()).contains("would be deleted");
    assertThat(t.gateway.faults.calls("deleteTape")).isZero();

    RequestResult done = d.tape().expire(new ExpireRequest("e3", "retention over", false));
    assertThat(done.state()).isEqualTo(TapeState.EXPIRING);
    t.client.newUntypedWorkflowStub(TapeWorkflows.workflowId(d.barcode)).getResult(Void.class);
    List<AuditRecord> audit = t.manifest.audit(d.barcode);
    assertThat(audit.get(audit.size() - 1).to()).isEqualTo(TapeState.DELETED);
    assertThat(audit.get(audit.size() - 2).to()).isEqualTo(TapeState.EXPIRING);
  }

  @Test
  void requestRetrieve_fromAnotherWorkflow_isAnsweredBySignals() {
    NoticeListener listener =
        t.client.newWorkflowStub(
            NoticeListener.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("restore/42")
                .setTaskQueue(TaskQueues.TAPEFLOW)
                .build());
    WorkflowClient.start(listener::listen);
    LifeDriver inLibrary = new LifeDriver(t, "TAP00018").toFull();
    inLibrary
        .tape()
        .requestRetrieve(new RetrieveRequest("restore-42", "job 42", null, "restore/42"));

    LifeDriver shelved = new LifeDriver(t, "TAP00019").toArchived();
    shelved
        .tape()
        .requestRetrieve(
            new RetrieveRequest("restore-42", "job 42", Duration.ofHours(1), "restore/42"));
    shelved.settled(TapeState.RETRIEVING);
    shelved.retrieved();
    shelved.settled(TapeState.ONLINE_READ_ONLY);
    t.env.sleep(Duration.ofSeconds(5));

    List<TapeNotice> notices = listener.notices();
    assertThat(notices)
        .extracting(TapeNotice::barcode, TapeNotice::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TAP00018", TapeNotice.Kind.REJECTED),
            org.assertj.core.groups.Tuple.tuple("TAP00019", TapeNotice.Kind.READY));
    assertThat(notices.get(0).message()).contains("in the library");

    shelved.tape().release(new ReleaseRequest("restore-42"));
    shelved.settled(TapeState.EJECTING);
  }

  @Test
  void adoptedTape_isPlacedByItsFacts_andCompletesItsManifest() {
    TapeRecord adopted =
        TapeRecord.adopted(
            t.now(),
            Location.shelf(),
            GatewayStatus.of("TAP00020", GatewayStatuses.ARCHIVED, t.now().minusSeconds(60)),
            VolumeStatus.of("TAP00020", VolStatuses.FULL, t.now().minusSeconds(60)));
    t.startTape(TapeInput.of(Tapes.identity("TAP00020"), TapePolicy.defaults(), adopted));
    TapeSnapshot s = t.untilState("TAP00020", TapeState.ARCHIVED);
    assertThat(s.record().manifestWritten()).isTrue();
    assertThat(s.waitingFor()).contains("retrieve or expire");
  }

  @Test
  void adoptedTape_theFactsCannotPlace_waitsForAnOperator() {
    TapeRecord adopted = TapeRecord.adopted(t.now(), Location.slot(7), null, null);
    TapeWorkflow tape =
        t.startTape(TapeInput.of(Tapes.identity("TAP00021"), TapePolicy.defaults(), adopted));
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(tape.snapshot().waitingFor()).contains("operator");
    ApplicationFailure f = rejected(() -> tape.resume(new ResumeRequest("r", "x", null, null)));
    assertThat(f.getOriginalMessage()).contains("resume it with the state it is in");
    tape.resume(new ResumeRequest("r2", "a blank tape", TapeState.IN_SLOT, null));
    t.untilState("TAP00021", TapeState.SCRATCH);
  }

  static ApplicationFailure rejected(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure f = (ApplicationFailure) thrown.getCause();
    assertThat(TapeWorkflows.isRejection(f)).as("rejection type %s", f.getType()).isTrue();
    return f;
  }
}
