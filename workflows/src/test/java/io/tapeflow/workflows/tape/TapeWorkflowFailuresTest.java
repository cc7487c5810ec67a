package io.tapeflow.workflows.tape;

import static io.tapeflow.workflows.common.Failures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.testing.Faults;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each failure type of each activity the tape workflow calls: a retryable one is retried and the
 * tape goes on; one a retry cannot fix leaves the tape FAILED with that type and a message, and
 * after the cause is fixed a resume takes it on from where it stopped.
 */
class TapeWorkflowFailuresTest {
  private static TapeflowTestEnv t;
  private static int tapes;

  @BeforeAll
  static void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void heal() {
    t.gateway.faults.healAll();
    t.changer.faults.healAll();
    t.bacula.faults.healAll();
    t.manifest.faults.healAll();
    t.changer.holdDrives(false);
  }

  /** Where in the life a step runs: how to get there, what triggers it, where the tape ends. */
  record Scenario(
      String name, Consumer<LifeDriver> before, Consumer<LifeDriver> trigger, TapeState after) {
    static final Scenario CREATE =
        new Scenario("create", d -> {}, LifeDriver::start, TapeState.CREATING);
    static final Scenario IMPORT_AND_LABEL =
        new Scenario(
            "import and label",
            d -> d.start().settled(TapeState.CREATING),
            LifeDriver::available,
            TapeState.SCRATCH);
    static final Scenario ARCHIVE =
        new Scenario("archive", LifeDriver::toFull, LifeDriver::archive, TapeState.IN_TRANSIT);
    static final Scenario SHELVE =
        new Scenario("shelve", LifeDriver::toInTransit, LifeDriver::shelved, TapeState.ARCHIVED);
    static final Scenario RETRIEVE =
        new Scenario(
            "retrieve",
            LifeDriver::toArchived,
            d -> d.retrieve(Duration.ofHours(4)),
            TapeState.RETRIEVING);
    static final Scenario RETURN =
        new Scenario(
            "import the retrieved copy",
            LifeDriver::toRetrieving,
            LifeDriver::retrieved,
            TapeState.ONLINE_READ_ONLY);
    static final Scenario DELETE =
        new Scenario("delete", LifeDriver::toArchived, LifeDriver::expire, TapeState.DELETED);

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
            c(
                "gateway",
                "createTape",
                Scenario.CREATE,
                GATEWAY_THROTTLED,
                GATEWAY_UNAVAILABLE,
                GATEWAY_REJECTED),
            c(
                "changer",
                "importToSlot",
                Scenario.IMPORT_AND_LABEL,
                CHANGER_NOT_READY,
                TAPE_NOT_FOUND,
                TAPE_MISPLACED,
                ELEMENT_OCCUPIED,
                SOURCE_EMPTY,
                NO_FREE_ELEMENT),
            c(
                "bacula",
                "label",
                Scenario.IMPORT_AND_LABEL,
                BACULA_BUSY,
                BCONSOLE_ERROR,
                INVALID_INPUT),
            c(
                "changer",
                "exportToIe",
                Scenario.ARCHIVE,
                CHANGER_NOT_READY,
                TAPE_MISPLACED,
                NO_FREE_ELEMENT,
                SOURCE_EMPTY,
                TAPE_NOT_FOUND),
            c(
                "bacula",
                "afterExport",
                Scenario.ARCHIVE,
                BACULA_BUSY,
                BCONSOLE_ERROR,
                VOLUME_NOT_FOUND),
            c(
                "manifest",
                "writeManifest",
                Scenario.ARCHIVE,
                MANIFEST_STORE_UNAVAILABLE,
                INVALID_INPUT),
            c(
                "manifest",
                "completeManifest",
                Scenario.SHELVE,
                MANIFEST_STORE_UNAVAILABLE,
                INVALID_INPUT),
            c(
                "gateway",
                "retrieveTape",
                Scenario.RETRIEVE,
                GATEWAY_THROTTLED,
                GATEWAY_UNAVAILABLE,
                TAPE_NOT_FOUND,
                GATEWAY_REJECTED),
            c("changer", "importToSlot", Scenario.RETURN, CHANGER_NOT_READY, TAPE_MISPLACED),
            c(
                "bacula",
                "setVolumeStatus",
                Scenario.RETURN,
                BACULA_BUSY,
                BCONSOLE_ERROR,
                VOLUME_NOT_FOUND),
            c(
                "gateway",
                "deleteTape",
                Scenario.DELETE,
                GATEWAY_THROTTLED,
                RETENTION_LOCKED,
                GATEWAY_REJECTED),
            c("bacula", "deleteVolume", Scenario.DELETE, BACULA_BUSY))
        .flatMap(List::stream);
  }

  private static List<Arguments> c(String stub, String method, Scenario s, String... types) {
    return Stream.of(types).map(type -> Arguments.of(stub, method, s, type)).toList();
  }

  @ParameterizedTest(name = "{0}.{1} failing with {3} during {2}")
  @MethodSource("failures")
  void activityFailure_isRetriedOrFailsTheTape_andResumeGoesOn(
      String stub, String method, Scenario scenario, String type) {
    LifeDriver d = new LifeDriver(t, String.format("TFM%05d", ++tapes));
    scenario.before().accept(d);
    Faults faults = faults(stub);
    int callsBefore = faults.calls(method);

    if (Failures.retryable(type)) {
      faults.failNext(method, type, 2);
      scenario.trigger().accept(d);
      d.settled(scenario.after());
      assertThat(faults.calls(method) - callsBefore)
          .as("two failed calls, then one good")
          .isEqualTo(3);
      return;
    }
    faults.failAlways(method, type);
    scenario.trigger().accept(d);
    TapeSnapshot failed = d.failed();
    assertThat(failed.record().failure().type()).isEqualTo(type);
    assertThat(failed.failure()).contains("injected " + type);
    assertThat(faults.calls(method) - callsBefore).as("no retry of %s", type).isEqualTo(1);
    assertThat(failed.waitingFor()).contains("tapeflow resume " + d.barcode);

    faults.heal(method);
    RequestResult resumed =
        d.tape().resume(new ResumeRequest("fixed-1", "fixed by hand", null, null));
    assertThat(resumed.changed()).isTrue();
    d.settled(scenario.after());
  }

  @Test
  void catalogRemovalFailure_leavesTheTapeDeleted_sayingWhatToDoByHand() {
    LifeDriver d = new LifeDriver(t, "TFC00001").toArchived();
    t.bacula.faults.failAlways("deleteVolume", BCONSOLE_ERROR);
    d.expire();
    t.client.newUntypedWorkflowStub(TapeWorkflows.workflowId(d.barcode)).getResult(Void.class);
    TapeSnapshot s = d.snapshot();
    assertThat(s.state()).isEqualTo(TapeState.DELETED);
    assertThat(s.failure()).contains(BCONSOLE_ERROR).contains("delete volume=TFC00001 yes");
  }

  @Test
  void exportFromADriveBaculaHolds_releasesTheDriveThenExports() {
    LifeDriver d = new LifeDriver(t, "TFD00001").toFull();
    t.changer.holdDrives(true);
    d.archive();
    d.settled(TapeState.IN_TRANSIT);
    assertThat(t.bacula.commands()).contains("release drive=0");
    assertThat(t.changer.faults.calls("exportToIe")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void releaseDriveFailure_isRetriedOrFailsTheTape() {
    LifeDriver d = new LifeDriver(t, "TFD00002").toFull();
    t.changer.holdDrives(true);
    t.bacula.faults.failNext("releaseDrive", BACULA_BUSY, 2);
    d.archive();
    d.settled(TapeState.IN_TRANSIT);

    LifeDriver e = new LifeDriver(t, "TFD00003").toFull();
    t.bacula.faults.failAlways("releaseDrive", BCONSOLE_ERROR);
    e.archive();
    TapeSnapshot failed = e.failed();
    assertThat(failed.record().failedIn()).isEqualTo(TapeState.EJECTING);
    assertThat(failed.record().failure().type()).isEqualTo(BCONSOLE_ERROR);
    t.bacula.faults.heal("releaseDrive");
    e.tape().resume(new ResumeRequest("r", "drive freed", null, null));
    e.settled(TapeState.IN_TRANSIT);
  }

  @Test
  void ownStatusPoll_thatCannotFindTheTape_failsIt() {
    LifeDriver d = new LifeDriver(t, "TFP00001").start();
    d.settled(TapeState.CREATING);
    t.gateway.faults.failAlways("awaitTapeStatus", TAPE_NOT_FOUND);
    t.env.sleep(Duration.ofMinutes(31));
    TapeSnapshot failed = d.failed();
    assertThat(failed.record().failure().type()).isEqualTo(TAPE_NOT_FOUND);
    assertThat(failed.failure()).contains("the gateway did not report AVAILABLE");
  }

  @Test
  void expireChecks_thatCannotReachBaculaOrTheGateway_refuseTheRequest_andChangeNothing() {
    LifeDriver d = new LifeDriver(t, "TFE00001").toArchived();
    int deletes = t.gateway.faults.calls("deleteTape");
    t.bacula.faults.failAlways("volumeInfo", BCONSOLE_ERROR);
    assertThat(
            TapeWorkflowRequestsTest.rejected(
                    () -> d.tape().expire(new ExpireRequest("e1", "x", false)))
                .getOriginalMessage())
        .contains("Bacula could not be asked");
    t.bacula.faults.heal("volumeInfo");
    t.gateway.faults.failAlways("describeTape", GATEWAY_REJECTED);
    assertThat(
            TapeWorkflowRequestsTest.rejected(
                    () -> d.tape().expire(new ExpireRequest("e2", "x", false)))
                .getOriginalMessage())
        .contains("the gateway could not be asked");
    assertThat(d.snapshot().state()).isEqualTo(TapeState.ARCHIVED);
    assertThat(t.gateway.faults.calls("deleteTape")).isEqualTo(deletes);
  }

  @Test
  void auditStoreDown_neverLosesRecords_andBlocksTheDeletionUntilItIsBack() {
    LifeDriver d = new LifeDriver(t, "TFA00001").toArchived();
    int deletes = t.gateway.faults.calls("deleteTape");
    t.manifest.faults.failAlways("appendAudit", MANIFEST_STORE_UNAVAILABLE);
    d.expire();
    TapeSnapshot failed = d.failed();
    assertThat(failed.record().failedIn()).isEqualTo(TapeState.EXPIRING);
    assertThat(failed.failure()).contains("not deleted");
    assertThat(t.gateway.faults.calls("deleteTape")).isEqualTo(deletes);

    t.manifest.faults.heal("appendAudit");
    d.tape().resume(new ResumeRequest("r", "S3 is back", null, null));
    d.settled(TapeState.DELETED);
    assertThat(t.manifest.audit(d.barcode))
        .extracting(a -> a.to())
        .containsSubsequence(
            TapeState.EXPIRING, TapeState.FAILED, TapeState.EXPIRING, TapeState.DELETED);
  }

  private static Faults faults(String stub) {
    return switch (stub) {
      case "gateway" -> t.gateway.faults;
      case "changer" -> t.changer.faults;
      case "bacula" -> t.bacula.faults;
      default -> t.manifest.faults;
    };
  }
}
