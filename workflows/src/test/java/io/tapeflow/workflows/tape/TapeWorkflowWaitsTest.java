package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.Transition;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long waits: watcher signals first, the tape's own poll only when the watcher stays silent. */
class TapeWorkflowWaitsTest {
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
  void deepArchiveRetrieval_ofTwelveHours_endsOnTheWatchersSignal_withoutPollingTheTape() {
    LifeDriver d = new LifeDriver(t, "TAP00030").toArchived();
    Instant asked = t.now();
    d.retrieve(Duration.ofHours(4));
    d.settled(TapeState.RETRIEVING);

    t.env.sleep(Duration.ofHours(12));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.RETRIEVING);
    assertThat(d.snapshot().waitingFor()).contains("up to 12 hours from DEEP_ARCHIVE");
    d.retrieved();
    TapeSnapshot online = d.settled(TapeState.ONLINE_READ_ONLY);

    Transition back =
        online.record().recent().stream()
            .filter(x -> x.to() == TapeState.RETRIEVED_IN_IE)
            .findFirst()
            .orElseThrow();
    assertThat(Duration.between(asked, back.at())).isGreaterThanOrEqualTo(Duration.ofHours(12));
    assertThat(t.gateway.polls()).as("no per-tape polling while the watcher works").isEmpty();
  }

  @Test
  void retrieval_whenTheWatcherStaysSilent_isFoundByTheTapesOwnPoll_afterTheGrace() {
    LifeDriver d = new LifeDriver(t, "TAP00031").toArchived();
    Instant asked = t.now();
    d.retrieve(Duration.ofHours(4));
    d.settled(TapeState.RETRIEVING);
    t.env.registerDelayedCallback(
        Duration.ofHours(12),
        () -> {
          t.gateway.set(d.barcode, GatewayStatuses.RETRIEVED);
          t.changer.put(d.barcode, Location.ieSlot(1620));
        });

    t.env.sleep(Duration.ofHours(19));
    d.settled(TapeState.ONLINE_READ_ONLY);
    assertThat(t.gateway.polls()).isNotEmpty();
    assertThat(t.gateway.polls().get(0))
        .as("the tape polls only after the Deep Archive grace of 18 h")
        .isAfterOrEqualTo(asked.plus(Duration.ofHours(18)));
  }

  @Test
  void newTape_whenTheWatcherStaysSilent_isFoundAvailableByItsOwnPoll() {
    LifeDriver d = new LifeDriver(t, "TAP00032").start();
    d.settled(TapeState.CREATING);
    t.gateway.set(d.barcode, GatewayStatuses.AVAILABLE);
    t.changer.put(d.barcode, Location.ieSlot(1601));
    t.env.sleep(Duration.ofMinutes(31));
    d.settled(TapeState.SCRATCH);
    assertThat(t.gateway.polls()).hasSize(1);
  }

  @Test
  void ownPoll_retriesAtItsInterval_untilTheStatusComes() {
    LifeDriver d = new LifeDriver(t, "TAP00033").start();
    d.settled(TapeState.CREATING);
    t.env.registerDelayedCallback(
        Duration.ofMinutes(95),
        () -> {
          t.gateway.set(d.barcode, GatewayStatuses.AVAILABLE);
          t.changer.put(d.barcode, Location.ieSlot(1601));
        });
    t.env.sleep(Duration.ofMinutes(110));
    d.settled(TapeState.SCRATCH);
    // Grace 30 min, then a look every 15 min: at 30, 45, 60, 75, 90 and 105 minutes.
    assertThat(t.gateway.polls()).hasSize(6);
  }

  @Test
  void heldCopy_goesBackToTheShelf_whenItsHoldEnds() {
    LifeDriver d = new LifeDriver(t, "TAP00034").toOnline();
    t.env.sleep(Duration.ofHours(3));
    assertThat(d.snapshot().state()).isEqualTo(TapeState.ONLINE_READ_ONLY);
    t.env.sleep(Duration.ofHours(1));
    TapeSnapshot s = d.settled(TapeState.EJECTING);
    assertThat(t.changer.where(d.barcode).kind()).isEqualTo(Location.Kind.IE_SLOT);
    assertThat(s.record().lastTransition().reason()).contains("every hold on the copy has ended");
  }

  @Test
  void changerHostDown_failsTheImportAfterThePickupTimeout_sayingWhatToDo() {
    t.close();
    t = TapeflowTestEnv.withoutChangerHost();
    // The pickup timeout runs in real time on the test server: a short one keeps the test short.
    LifeDriver d =
        new LifeDriver(
                t, "TAP00035", TapePolicy.newBuilder().hostPickup(Duration.ofSeconds(3)).build())
            .start();
    d.settled(TapeState.CREATING);
    d.available();
    TapeSnapshot s = d.failed();
    assertThat(s.record().failedIn()).isEqualTo(TapeState.IMPORTING);
    assertThat(s.failure())
        .contains("Timeout")
        .contains("queue changer/lib1")
        .contains("start the tapeflow worker on the host that serves it");
  }
}
