package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.Facts.BARCODE;
import static io.tapeflow.workflows.lifecycle.Facts.advance;
import static io.tapeflow.workflows.lifecycle.Facts.at;
import static io.tapeflow.workflows.lifecycle.Facts.gw;
import static io.tapeflow.workflows.lifecycle.Facts.vol;
import static io.tapeflow.workflows.lifecycle.Facts.volInDrive;
import static io.tapeflow.workflows.lifecycle.TapeState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapeLifecycleTest {

  @Test
  void transitions_ofDesign_areAllowed() {
    TapeState[][] design = {
      {REQUESTED, CREATING},
      {CREATING, IN_IE_SLOT},
      {IN_IE_SLOT, IMPORTING},
      {IMPORTING, IN_SLOT},
      {IN_SLOT, LABELING},
      {LABELING, SCRATCH},
      {SCRATCH, IN_USE},
      {IN_USE, SCRATCH},
      {IN_USE, FULL},
      {SCRATCH, FULL},
      {FULL, EJECTING},
      {EJECTING, IN_TRANSIT},
      {IN_TRANSIT, ARCHIVED},
      {ARCHIVED, RETRIEVING},
      {RETRIEVING, RETRIEVED_IN_IE},
      {RETRIEVED_IN_IE, IMPORTING},
      {IMPORTING, ONLINE_READ_ONLY},
      {ONLINE_READ_ONLY, EJECTING},
      {EJECTING, ARCHIVED},
      {ARCHIVED, EXPIRING},
      {EXPIRING, DELETED}
    };
    for (TapeState[] t : design) {
      assertThat(TapeLifecycle.allowed(t[0], t[1])).as("%s → %s", t[0], t[1]).isTrue();
    }
  }

  @Test
  void transitions_skippingSteps_areRefused() {
    assertThat(TapeLifecycle.allowed(REQUESTED, SCRATCH)).isFalse();
    assertThat(TapeLifecycle.allowed(SCRATCH, EJECTING)).isFalse();
    assertThat(TapeLifecycle.allowed(IN_USE, EJECTING)).isFalse();
    assertThat(TapeLifecycle.allowed(ARCHIVED, DELETED)).isFalse();
    assertThat(TapeLifecycle.allowed(FULL, ARCHIVED)).isFalse();
    assertThat(TapeLifecycle.allowed(DELETED, FAILED)).isFalse();
    assertThat(TapeLifecycle.successors(DELETED)).isEmpty();
  }

  @Test
  void failed_isReachableFromEveryLiveState_andResumesAnywhereLive() {
    for (TapeState s : TapeState.values()) {
      assertThat(TapeLifecycle.allowed(s, FAILED))
          .as(s.name())
          .isEqualTo(s != DELETED && s != FAILED);
    }
    assertThat(TapeLifecycle.successors(FAILED))
        .doesNotContain(FAILED, ADOPTED)
        .contains(REQUESTED, DELETED);
    assertThat(TapeLifecycle.successors(ADOPTED))
        .doesNotContain(ADOPTED, REQUESTED)
        .contains(FAILED, SCRATCH);
  }

  @Test
  void wholeLife_followsDesign_fromRequestToDeletion() {
    TapeRecord r = TapeRecord.requested(at(0));
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.CREATE);

    r = TapeLifecycle.created(r, at(0), at(1));
    r = advance(r, 1);
    assertThat(r.state()).isEqualTo(CREATING);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.GATEWAY_CREATED);

    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.AVAILABLE, 2)), 2);
    assertThat(r.state()).isEqualTo(IMPORTING);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.IMPORT);

    r = advance(TapeLifecycle.imported(r, Location.slot(1025)), 3);
    assertThat(r.state()).isEqualTo(LABELING);
    assertThat(r.location()).isEqualTo(Location.slot(1025));
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.LABEL);

    r = TapeLifecycle.labeled(r, at(3), volInDrive(VolStatuses.APPEND, 4, 0, null, false));
    r = advance(r, 4);
    assertThat(r.state()).isEqualTo(SCRATCH);
    assertThat(r.location()).isEqualTo(Location.drive(0));

    r = advance(TapeLifecycle.recordVolume(r, volInDrive(VolStatuses.APPEND, 10, 0, 7L, true)), 10);
    assertThat(r.state()).isEqualTo(IN_USE);
    r =
        advance(
            TapeLifecycle.recordVolume(r, volInDrive(VolStatuses.APPEND, 20, 0, 7L, false)), 20);
    assertThat(r.state()).isEqualTo(SCRATCH);
    r = advance(TapeLifecycle.recordVolume(r, volInDrive(VolStatuses.FULL, 30, 0, 8L, false)), 30);
    assertThat(r.state()).isEqualTo(FULL);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.REQUEST);

    r = advance(TapeRequests.archive(r, at(40), "full", "req-1"), 40);
    assertThat(r.state()).isEqualTo(EJECTING);
    assertThat(TapeLifecycle.nextStep(r)).as("straight from the idle drive").isEqualTo(Step.EXPORT);
    r = TapeLifecycle.foundInDrive(r, Location.drive(0), "drive 0 holds it", at(41));
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.FREE_DRIVE);
    r = advance(TapeLifecycle.driveFreed(r, Location.slot(3)), 41);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.EXPORT);
    r = advance(TapeLifecycle.exported(r, Location.ieSlot(1601), at(41)), 42);
    assertThat(r.state()).isEqualTo(IN_TRANSIT);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.SYNC_BACULA);
    r = advance(TapeLifecycle.baculaSynced(r, null), 43);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.GATEWAY_ARCHIVED);

    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVING, 50)), 50);
    assertThat(r.state()).isEqualTo(IN_TRANSIT);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 60)), 60);
    assertThat(r.state()).isEqualTo(ARCHIVED);
    assertThat(r.location()).isEqualTo(Location.shelf());
    assertThat(r.archivedAt()).isEqualTo(at(60));
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.RECORD_MANIFEST);
    r = advance(TapeLifecycle.manifestWritten(r, null, StorageClass.DEEP_ARCHIVE), 61);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.REQUEST);

    Hold hold = new Hold("restore-1", Duration.ofHours(6), null, null, false);
    r = advance(TapeRequests.retrieve(r, at(100), hold, "restore", "restore-1"), 100);
    assertThat(r.state()).isEqualTo(RETRIEVING);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.RETRIEVE);
    r = advance(TapeLifecycle.retrieveStarted(r, at(100)), 101);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.GATEWAY_RETRIEVED);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.RETRIEVED, 820)), 820);
    assertThat(r.state()).isEqualTo(IMPORTING);
    assertThat(r.readOnly()).isTrue();
    r = advance(TapeLifecycle.imported(r, Location.slot(1026)), 821);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.MARK_READ_ONLY);
    r = advance(TapeLifecycle.markedReadOnly(r, VolStatuses.FULL, at(822)), 822);
    assertThat(r.state()).isEqualTo(ONLINE_READ_ONLY);
    assertThat(r.volStatusBeforeRetrieve()).isEqualTo(VolStatuses.FULL);
    assertThat(TapeLifecycle.holdsEnd(r)).isEqualTo(at(822).plus(Duration.ofHours(6)));

    r = advance(TapeRequests.release(r, at(900), "restore-1"), 900);
    assertThat(r.state()).isEqualTo(EJECTING);
    r = advance(TapeLifecycle.exported(r, Location.ieSlot(1602), at(900)), 901);
    assertThat(r.state()).isEqualTo(EJECTING);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.SYNC_BACULA);
    r = advance(TapeLifecycle.baculaSynced(r, null), 902);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 905)), 905);
    assertThat(r.state()).isEqualTo(ARCHIVED);
    assertThat(r.readOnly()).isFalse();
    assertThat(r.archivedAt()).as("first archive date is kept").isEqualTo(at(60));
    assertThat(TapeLifecycle.nextStep(r)).as("manifest written once").isNull();

    r = advance(TapeRequests.expire(r, at(1000), "expired", "exp-1"), 1000);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.REMOVE_FROM_CATALOG);
    r = advance(TapeLifecycle.catalogCleaned(r), 1001);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.DELETE);
    r = advance(TapeLifecycle.deleted(r), 1002);
    assertThat(r.state()).isEqualTo(DELETED);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.END);

    List<TapeState> path = r.recent().stream().map(Transition::to).toList();
    assertThat(path)
        .containsSubsequence(
            CREATING,
            IN_IE_SLOT,
            IMPORTING,
            IN_SLOT,
            LABELING,
            SCRATCH,
            IN_USE,
            SCRATCH,
            FULL,
            EJECTING,
            IN_TRANSIT,
            ARCHIVED,
            RETRIEVING,
            RETRIEVED_IN_IE,
            IMPORTING,
            ONLINE_READ_ONLY,
            EJECTING,
            ARCHIVED,
            EXPIRING,
            DELETED);
    for (Transition t : r.recent()) {
      assertThat(TapeLifecycle.allowed(t.from(), t.to())).as("%s", t).isTrue();
    }
  }

  @Test
  void gatewayFact_observedBeforeTheActionBegan_isStale() {
    TapeRecord r = inTransit(100);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 99)), 110);
    assertThat(r.state()).isEqualTo(IN_TRANSIT);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 100)), 111);
    assertThat(r.state()).isEqualTo(ARCHIVED);
  }

  @Test
  void gatewayFact_olderThanTheKnownOne_isIgnored_outOfOrder() {
    TapeRecord r = inTransit(100);
    r = TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 120));
    TapeRecord late = TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVING, 110));
    assertThat(late).isEqualTo(r);
    assertThat(advance(late, 130).state()).isEqualTo(ARCHIVED);
  }

  @Test
  void duplicateFact_changesNothing() {
    TapeRecord r = inTransit(100);
    TapeRecord once =
        advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVING, 110)), 110);
    TapeRecord twice =
        advance(TapeLifecycle.recordGateway(once, gw(GatewayStatuses.ARCHIVING, 110)), 111);
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void archivedFact_arrivingBeforeBaculaWasSynced_waitsForTheStep() {
    TapeRecord r = TapeLifecycle.exported(ejecting(), Location.ieSlot(1601), at(100));
    r = advance(r, 100);
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.ARCHIVED, 101)), 101);
    assertThat(r.state()).isEqualTo(IN_TRANSIT);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.SYNC_BACULA);
    r = advance(TapeLifecycle.baculaSynced(r, null), 102);
    assertThat(r.state()).isEqualTo(ARCHIVED);
  }

  @Test
  void volumeFact_fromBeforeLabelling_isIgnored() {
    TapeRecord r = scratch();
    r = advance(TapeLifecycle.recordVolume(r, vol(VolStatuses.FULL, 0)), 20);
    assertThat(r.state()).as("a fact older than the newest is dropped").isEqualTo(SCRATCH);
  }

  @Test
  void volumeFact_fullArrivingWhileLabeling_isAppliedOnceLabelled() {
    TapeRecord r = labeling();
    r = advance(TapeLifecycle.recordVolume(r, vol(VolStatuses.FULL, 6)), 6);
    assertThat(r.state()).isEqualTo(LABELING);
    r = advance(TapeLifecycle.labeled(r, at(4), vol(VolStatuses.APPEND, 5)), 7);
    assertThat(r.state()).isEqualTo(FULL);
  }

  @Test
  void volumeError_failsTheTape_withWhatToDo() {
    TapeRecord r = advance(TapeLifecycle.recordVolume(scratch(), vol(VolStatuses.ERROR, 30)), 30);
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(r.failure().type()).isEqualTo(Failures.VOLUME_ERROR);
    assertThat(r.failure().message()).contains("resume");
    assertThat(r.failedIn()).isEqualTo(SCRATCH);
  }

  @Test
  void fullTape_recycledByBacula_becomesScratchAgain() {
    TapeRecord r = advance(TapeLifecycle.recordVolume(scratch(), vol(VolStatuses.FULL, 30)), 30);
    r = advance(TapeLifecycle.recordVolume(r, vol(VolStatuses.PURGED, 40)), 40);
    assertThat(r.state()).isEqualTo(SCRATCH);
  }

  @Test
  void irrecoverableStatus_failsAnyLiveState() {
    TapeRecord r =
        advance(TapeLifecycle.recordGateway(scratch(), gw(GatewayStatuses.IRRECOVERABLE, 30)), 30);
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(r.failure().type()).isEqualTo(Failures.TAPE_IRRECOVERABLE);
  }

  @Test
  void deletedByOthers_failsTheTape_butNotWhileExpiring() {
    TapeRecord r =
        advance(TapeLifecycle.recordGateway(archived(), gw(GatewayStatuses.DELETED, 200)), 200);
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(r.failure().type()).isEqualTo(Failures.DELETED_OUTSIDE);

    TapeRecord expiring = advance(TapeRequests.expire(archived(), at(200), "x", "e"), 200);
    expiring =
        advance(TapeLifecycle.recordGateway(expiring, gw(GatewayStatuses.DELETED, 201)), 201);
    assertThat(expiring.state()).isEqualTo(EXPIRING);
  }

  @Test
  void retrievalOutsideTapeflow_isFollowed_andHeldByDefault() {
    TapeRecord r =
        advance(TapeLifecycle.recordGateway(archived(), gw(GatewayStatuses.RETRIEVING, 300)), 300);
    assertThat(r.state()).isEqualTo(RETRIEVING);
    assertThat(r.did(Step.RETRIEVE)).isTrue();
    assertThat(r.holds()).extracting(Hold::requestId).containsExactly("outside-tapeflow");
  }

  @Test
  void failedStep_resumesWhereItFailed_keepingStepsDone() {
    TapeRecord r = advance(TapeRequests.archive(fullInDrive(), at(40), "x", "a"), 40);
    r = TapeLifecycle.foundInDrive(r, Location.drive(0), "drive 0 holds it", at(41));
    r = advance(TapeLifecycle.driveFreed(r, Location.slot(3)), 41);
    r = TapeLifecycle.failed(r, new Failure(Step.EXPORT, "TapeMisplaced", "elsewhere"), at(42));
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.OPERATOR);

    r = advance(TapeRequests.resume(r, at(50), null, null, "fixed", "res-1"), 50);
    assertThat(r.state()).isEqualTo(EJECTING);
    assertThat(r.failure()).isNull();
    assertThat(TapeLifecycle.nextStep(r)).as("drive already freed").isEqualTo(Step.EXPORT);
  }

  @Test
  void exportFindingTheTapeInADrive_freesTheDriveFirst_andFailsIfItHappensAgain() {
    TapeRecord r = advance(TapeRequests.archive(fullInSlot(), at(40), "x", "a"), 40);
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.EXPORT);
    r = TapeLifecycle.foundInDrive(r, Location.drive(1), "in drive 1", at(41));
    assertThat(r.location()).isEqualTo(Location.drive(1));
    assertThat(TapeLifecycle.nextStep(r)).isEqualTo(Step.FREE_DRIVE);
    r = TapeLifecycle.driveFreed(r, Location.slot(4));
    r = TapeLifecycle.foundInDrive(r, Location.drive(1), "in drive 1", at(42));
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(r.failure().message()).contains("by hand");
  }

  @Test
  void heldCopy_goesBackToTheShelf_whenItsHoldEnds() {
    TapeRecord r = online(Duration.ofHours(2), 822);
    assertThat(advance(r, 822 + 119).state()).isEqualTo(ONLINE_READ_ONLY);
    assertThat(advance(r, 822 + 120).state()).isEqualTo(EJECTING);
  }

  @Test
  void stepOutcome_inAnotherState_isRefused() {
    assertThatThrownBy(() -> TapeLifecycle.imported(scratch(), Location.slot(1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("IMPORT");
  }

  @Test
  void adopted_isPlacedByTheFacts() {
    assertThat(adopt(Location.ieSlot(1601), GatewayStatuses.AVAILABLE, null)).isEqualTo(IMPORTING);
    assertThat(adopt(Location.slot(5), GatewayStatuses.AVAILABLE, VolStatuses.APPEND))
        .isEqualTo(SCRATCH);
    assertThat(adopt(Location.drive(0), GatewayStatuses.AVAILABLE, VolStatuses.FULL))
        .isEqualTo(FULL);
    assertThat(adopt(Location.transit(), GatewayStatuses.ARCHIVING, null)).isEqualTo(IN_TRANSIT);
    assertThat(adopt(Location.shelf(), GatewayStatuses.ARCHIVED, VolStatuses.FULL))
        .isEqualTo(ARCHIVED);
    assertThat(adopt(Location.transit(), GatewayStatuses.RETRIEVING, null)).isEqualTo(RETRIEVING);
    assertThat(adopt(Location.ieSlot(1602), GatewayStatuses.RETRIEVED, null)).isEqualTo(IMPORTING);
    assertThat(adopt(Location.slot(6), GatewayStatuses.RETRIEVED, VolStatuses.FULL))
        .isEqualTo(IMPORTING);
    assertThat(adopt(Location.none(), GatewayStatuses.DELETED, null)).isEqualTo(DELETED);
    assertThat(adopt(Location.gateway(), GatewayStatuses.CREATING, null)).isEqualTo(CREATING);
    assertThat(adopt(Location.gateway(), GatewayStatuses.IRRECOVERABLE, null)).isEqualTo(FAILED);
  }

  @Test
  void adopted_withoutEnoughFacts_staysForTheOperator() {
    assertThat(adopt(Location.slot(5), GatewayStatuses.AVAILABLE, null)).isEqualTo(ADOPTED);
    TapeRecord r = TapeRecord.adopted(at(0), Location.slot(5), null, null);
    assertThat(advance(r, 1).state()).isEqualTo(ADOPTED);
    assertThat(TapeLifecycle.waitingFor(r)).isEqualTo(Wait.OPERATOR);
  }

  // ---------------------------------------------------------------- fixtures

  private static TapeState adopt(Location l, String gatewayStatus, String volStatus) {
    TapeRecord r =
        TapeRecord.adopted(
            at(10),
            l,
            gw(gatewayStatus, 5),
            volStatus == null ? null : VolumeStatus.of(BARCODE, volStatus, at(5)));
    return advance(r, 10).state();
  }

  @Test
  void baculasSlotAndDriveNumbers_becomeElementAddresses_soTheLocationKeepsOneNumbering() {
    LibraryLayout layout =
        new LibraryLayout(
            List.of(new LibraryLayout.Run(1025, 10)),
            List.of(new LibraryLayout.Run(1601, 2)),
            List.of(new LibraryLayout.Run(257, 2)));
    List<Location> seen = new java.util.ArrayList<>();
    TapeRecord r = labeling();
    seen.add(r.location());
    r = TapeLifecycle.labeled(r, at(3), volInDrive(VolStatuses.APPEND, 4, 1, null, false), layout);
    r = TapeLifecycle.advance(r, at(4), Facts.HOLD, layout);
    seen.add(r.location());
    VolumeStatus backInSlot =
        new VolumeStatus(BARCODE, VolStatuses.FULL, at(10), 3, true, null, 8L, false);
    r =
        TapeLifecycle.advance(
            TapeLifecycle.recordVolume(r, backInSlot), at(10), Facts.HOLD, layout);
    seen.add(r.location());

    assertThat(seen).containsExactly(Location.slot(1025), Location.drive(258), Location.slot(1027));
    assertThat(seen).allMatch(l -> l.address() >= 257, "an element address");
  }

  static TapeRecord labeling() {
    TapeRecord r = TapeLifecycle.created(TapeRecord.requested(at(0)), at(0), at(1));
    r = advance(TapeLifecycle.recordGateway(r, gw(GatewayStatuses.AVAILABLE, 2)), 2);
    return advance(TapeLifecycle.imported(r, Location.slot(1025)), 3);
  }

  static TapeRecord scratch() {
    return advance(TapeLifecycle.labeled(labeling(), at(3), vol(VolStatuses.APPEND, 4)), 4);
  }

  static TapeRecord fullInSlot() {
    return advance(
        TapeLifecycle.recordVolume(
            scratch(),
            new VolumeStatus(BARCODE, VolStatuses.FULL, at(30), 3, true, null, 8L, false)),
        30);
  }

  static TapeRecord fullInDrive() {
    return advance(
        TapeLifecycle.recordVolume(scratch(), volInDrive(VolStatuses.FULL, 30, 0, 8L, false)), 30);
  }

  static TapeRecord ejecting() {
    return advance(TapeRequests.archive(fullInSlot(), at(40), "x", "a"), 40);
  }

  static TapeRecord inTransit(long exportMinute) {
    TapeRecord r = TapeLifecycle.exported(ejecting(), Location.ieSlot(1601), at(exportMinute));
    return advance(TapeLifecycle.baculaSynced(advance(r, exportMinute), at(30)), exportMinute);
  }

  static TapeRecord archived() {
    TapeRecord r =
        advance(
            TapeLifecycle.recordGateway(inTransit(100), gw(GatewayStatuses.ARCHIVED, 150)), 150);
    return advance(TapeLifecycle.manifestWritten(r, null, StorageClass.DEEP_ARCHIVE), 151);
  }

  static TapeRecord online(Duration hold, long minute) {
    TapeRecord r =
        TapeRequests.retrieve(
            archived(), at(200), new Hold("r1", hold, null, null, false), "restore", "r1");
    r = advance(TapeLifecycle.retrieveStarted(advance(r, 200), at(200)), 200);
    r =
        advance(
            TapeLifecycle.recordGateway(r, gw(GatewayStatuses.RETRIEVED, minute - 2)), minute - 2);
    r = advance(TapeLifecycle.imported(r, Location.slot(9)), minute - 1);
    return advance(TapeLifecycle.markedReadOnly(r, VolStatuses.FULL, at(minute)), minute);
  }
}
