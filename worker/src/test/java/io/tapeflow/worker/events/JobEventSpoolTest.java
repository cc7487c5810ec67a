package io.tapeflow.worker.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.event.SpoolJobEventSink;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import io.temporal.api.enums.v1.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job-end spool drained into tape workflows on the Temporal test server: the files are written
 * by the code of {@code tapeflow event job-end}; the catalog's answer is given (Bacula's real
 * console is exercised by {@code TapeLifeIT}).
 */
class JobEventSpoolTest {
  static final String BC = "TFS00001";

  @TempDir Path spoolDir;
  TapeflowTestEnv t;

  /** The catalog says the tape is Full in slot 1025. */
  final Function<VolumeName, Optional<VolumeRecord>> catalog =
      v ->
          v.value().equals(BC)
              ? Optional.of(
                  new VolumeRecord(
                      Map.of(
                          "VolumeName",
                          BC,
                          "VolStatus",
                          VolStatuses.FULL,
                          "Slot",
                          "1025",
                          "InChanger",
                          "1")))
              : Optional.empty();

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private LifeDriver scratchTape() {
    LifeDriver d = new LifeDriver(t, BC).start().available();
    d.settled(TapeState.SCRATCH);
    t.bacula.set(BC, VolStatuses.FULL);
    return d;
  }

  private void jobEnded(long job, String volumes) {
    new SpoolJobEventSink(spoolDir)
        .accept(JobEndEvent.of(Long.toString(job), "OK", volumes, null, null, null, t.now()));
  }

  private long volumeSignals() {
    return t.history(BC).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .filter(
            e ->
                e.getWorkflowExecutionSignaledEventAttributes()
                    .getSignalName()
                    .equals("volumeStatus"))
        .count();
  }

  @Test
  void anEndedJob_reachesItsTape_andTheFileMovesToDone() throws Exception {
    scratchTape();
    jobEnded(7, BC + ",OTHER1");
    JobEventSpool spool = new JobEventSpool(spoolDir, new JobEventForwarder(t.client, catalog));

    assertThat(spool.drain()).isEqualTo(new JobEventSpool.Drained(1, 0, 0));

    TapeSnapshot full = t.untilState(BC, TapeState.FULL);
    assertThat(full.record().volume().jobId()).isEqualTo(7L);
    assertThat(SpoolJobEventSink.files(spoolDir)).isEmpty();
    assertThat(SpoolJobEventSink.files(spool.done())).hasSize(1);
    assertThat(spool.drain()).as("nothing left").isEqualTo(new JobEventSpool.Drained(0, 0, 0));
  }

  @Test
  void theSameFileForwardedTwice_changesTheTapeOnce() throws Exception {
    scratchTape();
    jobEnded(7, BC);
    JobEventSpool spool = new JobEventSpool(spoolDir, new JobEventForwarder(t.client, catalog));
    spool.drain();
    TapeSnapshot first = t.untilState(BC, TapeState.FULL);

    // A crash after the signal and before the move: the file is forwarded again.
    Path done = SpoolJobEventSink.files(spool.done()).get(0);
    Files.copy(done, spoolDir.resolve(done.getFileName()));
    assertThat(spool.drain().forwarded()).isEqualTo(1);
    t.env.sleep(java.time.Duration.ofSeconds(5));

    TapeSnapshot again = t.tape(BC).snapshot();
    assertThat(volumeSignals()).as("the signal did arrive twice").isEqualTo(2);
    assertThat(again.record().seq()).as("no transition").isEqualTo(first.record().seq());
    assertThat(again.record().volume()).isEqualTo(first.record().volume());
  }

  @Test
  void aFileThatIsNoEvent_movesToRejected_once_andTheNextEventsStillGo() throws Exception {
    scratchTape();
    Files.writeString(spoolDir.resolve("job-end-0-0-0.event"), "event=job-end\njob=x1\n");
    jobEnded(7, BC);
    JobEventSpool spool = new JobEventSpool(spoolDir, new JobEventForwarder(t.client, catalog));

    assertThat(spool.drain()).isEqualTo(new JobEventSpool.Drained(1, 1, 0));

    assertThat(spool.rejected().resolve("job-end-0-0-0.event")).exists();
    assertThat(spool.drain()).as("not retried").isEqualTo(new JobEventSpool.Drained(0, 0, 0));
    t.untilState(BC, TapeState.FULL);
  }

  @Test
  void aCatalogThatDoesNotAnswer_leavesTheFile_forTheNextRound() throws Exception {
    scratchTape();
    jobEnded(7, BC);
    AtomicBoolean down = new AtomicBoolean(true);
    Function<VolumeName, Optional<VolumeRecord>> fakeFlakyCatalog =
        v -> {
          if (down.get()) {
            throw new IllegalStateException("bconsole: cannot connect to the Director");
          }
          return catalog.apply(v);
        };
    JobEventSpool spool =
        new JobEventSpool(spoolDir, new JobEventForwarder(t.client, fakeFlakyCatalog));

    assertThat(spool.drain()).isEqualTo(new JobEventSpool.Drained(0, 0, 1));
    assertThat(SpoolJobEventSink.files(spoolDir)).hasSize(1);

    down.set(false);
    assertThat(spool.drain()).isEqualTo(new JobEventSpool.Drained(1, 0, 0));
    t.untilState(BC, TapeState.FULL);
    assertThat(List.of(spool.done().toFile().list())).hasSize(1);
  }
}
