package io.tapeflow.workflows.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.VolStatuses;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.tape.ArchiveRequest;
import io.tapeflow.workflows.tape.ExpireRequest;
import io.tapeflow.workflows.tape.RetrieveRequest;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeWorkflow;
import java.time.Duration;

/**
 * Walks one tape through its life in a {@link TapeflowTestEnv}, playing the outside world (the
 * gateway watcher, Bacula's job hooks, an operator) the way the whole-life test does. Each step
 * returns once the tape has settled (or failed).
 */
public final class LifeDriver {
  private final TapeflowTestEnv t;
  public final String barcode;
  private final TapePolicy policy;
  private TapeWorkflow tape;
  private int requests;
  private String awsPool = "DEEP_ARCHIVE";

  public LifeDriver(TapeflowTestEnv t, String barcode, TapePolicy policy) {
    this.t = t;
    this.barcode = barcode;
    this.policy = policy;
  }

  public LifeDriver(TapeflowTestEnv t, String barcode) {
    this(t, barcode, TapePolicy.newBuilder().allowEarlyDeletion(true).build());
  }

  public TapeWorkflow tape() {
    return tape;
  }

  public TapeSnapshot snapshot() {
    return tape.snapshot();
  }

  /** The shelf pool the tape is created in (before {@link #start}). */
  public LifeDriver inPool(String poolId) {
    awsPool = poolId;
    return this;
  }

  /** Starts the workflow of a new tape. */
  public LifeDriver start() {
    tape =
        t.startTape(
            TapeInput.of(
                Tapes.template(awsPool, Tapes.LAYOUT).identity(barcode),
                policy,
                TapeRecord.requested(t.now())));
    return this;
  }

  /** The gateway reports the new tape AVAILABLE in an I/E slot. */
  public LifeDriver available() {
    t.gateway.set(barcode, GatewayStatuses.AVAILABLE);
    t.changer.put(barcode, Location.ieSlot(1601));
    tape.gatewayStatus(GatewayStatus.of(barcode, GatewayStatuses.AVAILABLE, t.now()));
    return this;
  }

  /** A Bacula job starts writing to the tape in drive 0. */
  public LifeDriver jobStarts() {
    tape.volumeStatus(
        new VolumeStatus(barcode, VolStatuses.APPEND, t.now(), 1025, true, 0, 7L, true));
    return this;
  }

  /** The job ends and leaves the tape Full in drive 0. */
  public LifeDriver jobFillsIt() {
    t.bacula.set(barcode, VolStatuses.FULL);
    tape.volumeStatus(
        new VolumeStatus(barcode, VolStatuses.FULL, t.now(), 1025, true, 0, 7L, false));
    return this;
  }

  public LifeDriver archive() {
    tape.archive(new ArchiveRequest("archive-" + ++requests, "test"));
    return this;
  }

  /** The gateway finishes archiving: the watcher signals ARCHIVED. */
  public LifeDriver shelved() {
    t.gateway.set(barcode, GatewayStatuses.ARCHIVED);
    tape.gatewayStatus(GatewayStatus.of(barcode, GatewayStatuses.ARCHIVED, t.now()));
    return this;
  }

  public LifeDriver retrieve(Duration hold) {
    tape.retrieve(new RetrieveRequest("retrieve-" + ++requests, "test", hold, null));
    return this;
  }

  /** The shelf returns the copy into an I/E slot: the watcher signals RETRIEVED. */
  public LifeDriver retrieved() {
    t.gateway.set(barcode, GatewayStatuses.RETRIEVED);
    t.changer.put(barcode, Location.ieSlot(1610));
    tape.gatewayStatus(GatewayStatus.of(barcode, GatewayStatuses.RETRIEVED, t.now()));
    return this;
  }

  public LifeDriver expire() {
    t.bacula.set(barcode, VolStatuses.PURGED);
    tape.expire(new ExpireRequest("expire-" + ++requests, "test", false));
    return this;
  }

  public TapeSnapshot settled(TapeState state) {
    return t.untilState(barcode, state);
  }

  /** Drives a new tape to SCRATCH. */
  public LifeDriver toScratch() {
    start();
    settled(TapeState.CREATING);
    available();
    settled(TapeState.SCRATCH);
    return this;
  }

  /** Drives a new tape to FULL (in drive 0). */
  public LifeDriver toFull() {
    toScratch();
    jobStarts();
    settled(TapeState.IN_USE);
    jobFillsIt();
    settled(TapeState.FULL);
    return this;
  }

  public LifeDriver toInTransit() {
    toFull();
    archive();
    settled(TapeState.IN_TRANSIT);
    return this;
  }

  public LifeDriver toArchived() {
    toInTransit();
    shelved();
    settled(TapeState.ARCHIVED);
    return this;
  }

  public LifeDriver toRetrieving() {
    toArchived();
    retrieve(Duration.ofHours(4));
    settled(TapeState.RETRIEVING);
    return this;
  }

  public LifeDriver toOnline() {
    toRetrieving();
    retrieved();
    settled(TapeState.ONLINE_READ_ONLY);
    return this;
  }

  /** Waits until the tape is FAILED, and returns its snapshot. */
  public TapeSnapshot failed() {
    TapeSnapshot s = t.until(tape, x -> x.state() == TapeState.FAILED, Duration.ofHours(2));
    assertThat(s.failure()).isNotBlank();
    return s;
  }
}
