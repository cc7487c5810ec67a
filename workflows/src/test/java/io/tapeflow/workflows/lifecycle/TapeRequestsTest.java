package io.tapeflow.workflows.lifecycle;

import static io.tapeflow.workflows.lifecycle.Facts.BARCODE;
import static io.tapeflow.workflows.lifecycle.Facts.advance;
import static io.tapeflow.workflows.lifecycle.Facts.at;
import static io.tapeflow.workflows.lifecycle.Facts.volInDrive;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TapeRequestsTest {

  @Test
  void archive_ofATapeInUseInADrive_isRejected_namingTheDriveAndWhatToDo() {
    TapeRecord inUse =
        advance(
            TapeLifecycle.recordVolume(
                TapeLifecycleTest.scratch(), volInDrive(VolStatuses.APPEND, 30, 1, 12L, true)),
            30);
    assertThat(inUse.state()).isEqualTo(TapeState.IN_USE);

    Verdict v = TapeRequests.checkArchive(BARCODE, inUse);
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("drive 1").contains("job 12").contains("Full or Used");
  }

  @Test
  void archive_ofAScratchTape_isRejected_sayingHowToCloseIt() {
    Verdict v = TapeRequests.checkArchive(BARCODE, TapeLifecycleTest.scratch());
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("update volume=" + BARCODE + " volstatus=Used");
  }

  @Test
  void archive_ofAFullTape_isAccepted_andRepeatingItIsHarmless() {
    TapeRecord full = TapeLifecycleTest.fullInSlot();
    assertThat(TapeRequests.checkArchive(BARCODE, full).accepted()).isTrue();
    TapeRecord ejecting = advance(TapeRequests.archive(full, at(40), "x", "a"), 40);
    assertThat(TapeRequests.checkArchive(BARCODE, ejecting).kind()).isEqualTo(Verdict.Kind.ALREADY);
    assertThat(TapeRequests.checkArchive(BARCODE, TapeLifecycleTest.archived()).kind())
        .isEqualTo(Verdict.Kind.ALREADY);
  }

  @Test
  void everyState_hasAnAnswerForEveryRequest_withAReason() {
    for (TapeState s : TapeState.values()) {
      TapeRecord r = TapeRecord.requested(at(0)).toBuilder().build();
      r = withState(r, s);
      for (Verdict v :
          new Verdict[] {
            TapeRequests.checkArchive(BARCODE, r),
            TapeRequests.checkRetrieve(BARCODE, r),
            TapeRequests.checkExpire(BARCODE, r),
            TapeRequests.checkResume(BARCODE, r, null)
          }) {
        assertThat(v.reason()).as("%s", s).contains(BARCODE);
      }
    }
  }

  @Test
  void retrieve_ofAnArchivedTape_isAccepted_andAnotherRequestAddsAHold() {
    TapeRecord r = TapeLifecycleTest.archived();
    assertThat(TapeRequests.checkRetrieve(BARCODE, r).accepted()).isTrue();
    r =
        TapeRequests.retrieve(
            r, at(200), new Hold("a", Duration.ofHours(1), null, null, false), "x", "a");
    assertThat(TapeRequests.checkRetrieve(BARCODE, r).kind()).isEqualTo(Verdict.Kind.ALREADY);
    r =
        TapeRequests.retrieve(
            r, at(201), new Hold("b", Duration.ofHours(2), null, null, false), "x", "b");
    assertThat(r.holds()).extracting(Hold::requestId).containsExactly("a", "b");
    assertThat(r.state()).isEqualTo(TapeState.RETRIEVING);
  }

  @Test
  void retrieve_ofATapeInTheLibrary_isRejected() {
    Verdict v = TapeRequests.checkRetrieve(BARCODE, TapeLifecycleTest.fullInSlot());
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("in the library").contains("slot 3");
  }

  @Test
  void release_ofOneOfTwoHolds_keepsTheCopyOnline_theLastOneSendsItBack() {
    TapeRecord r = TapeLifecycleTest.online(Duration.ofHours(2), 822);
    r =
        TapeRequests.retrieve(
            r, at(830), new Hold("r2", Duration.ofHours(5), null, null, false), "x", "r2");
    r = TapeRequests.release(r, at(831), "r1");
    assertThat(r.state()).isEqualTo(TapeState.ONLINE_READ_ONLY);
    assertThat(TapeRequests.release(r, at(832), "unknown")).isEqualTo(r);
    r = TapeRequests.release(r, at(833), "r2");
    assertThat(r.state()).isEqualTo(TapeState.EJECTING);
  }

  @Test
  void expire_isOnlyForArchivedTapes() {
    assertThat(TapeRequests.checkExpire(BARCODE, TapeLifecycleTest.archived()).accepted()).isTrue();
    Verdict v = TapeRequests.checkExpire(BARCODE, TapeLifecycleTest.fullInSlot());
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("ARCHIVED");
  }

  @Test
  void request_whileAStepIsPending_isRejectedAsBusy() {
    TapeRecord shelvedNoManifest =
        advance(
            TapeLifecycle.recordGateway(
                TapeLifecycleTest.inTransit(100), Facts.gw(GatewayStatuses.ARCHIVED, 150)),
            150);
    assertThat(TapeLifecycle.nextStep(shelvedNoManifest)).isEqualTo(Step.RECORD_MANIFEST);
    Verdict v = TapeRequests.checkExpire(BARCODE, shelvedNoManifest);
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("busy").contains("manifest");
  }

  @Test
  void resume_ofATapeThatIsNotFailed_isHarmless_unlessItNamesAState() {
    TapeRecord r = TapeLifecycleTest.scratch();
    assertThat(TapeRequests.checkResume(BARCODE, r, null).kind()).isEqualTo(Verdict.Kind.ALREADY);
    assertThat(TapeRequests.checkResume(BARCODE, r, TapeState.FULL).rejected()).isTrue();
  }

  @Test
  void resume_intoExpiring_isRefused_soThatDeletionAlwaysPassesTheRules() {
    TapeRecord failed =
        TapeLifecycle.failed(TapeLifecycleTest.archived(), new Failure(null, "X", "y"), at(300));
    Verdict v = TapeRequests.checkResume(BARCODE, failed, TapeState.EXPIRING);
    assertThat(v.rejected()).isTrue();
    assertThat(v.reason()).contains("expire request");
  }

  @Test
  void resume_ofAnAdoptedTape_needsAStateWhenTheFactsDoNotSettleIt() {
    TapeRecord adopted = TapeRecord.adopted(at(0), Location.slot(5), null, null);
    assertThat(TapeRequests.checkResume(BARCODE, adopted, null).rejected()).isTrue();
    assertThat(TapeRequests.checkResume(BARCODE, adopted, TapeState.IN_SLOT).accepted()).isTrue();
    TapeRecord placed =
        advance(TapeRequests.resume(adopted, at(1), TapeState.IN_SLOT, null, "new tape", "r"), 1);
    assertThat(placed.state()).isEqualTo(TapeState.LABELING);
  }

  private static TapeRecord withState(TapeRecord r, TapeState s) {
    TapeRecord.Builder b = r.toBuilder();
    b.state = s;
    return b.build();
  }
}
