package io.tapeflow.workflows.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the lifecycle knows about one tape: its state, where it is, the latest facts from the
 * gateway and from Bacula, and what has been done in the current state. Compact on purpose: it is
 * what continue-as-new carries.
 *
 * @param state the current state
 * @param since when the current state was entered
 * @param location where the tape is
 * @param readOnly whether this is a retrieved, write-protected copy
 * @param driveHeld whether an export found the tape held in a drive (Bacula must release it)
 * @param done the steps of the current state already performed (reset on every transition)
 * @param gate facts observed before this instant are stale for the current wait; it is the moment
 *     the action the wait depends on began (create, export, retrieve)
 * @param gateway the newest gateway status seen, or null
 * @param volume the newest Bacula volume status seen, or null
 * @param labeledAt when Bacula labelled the volume; earlier volume facts are ignored
 * @param archivedAt when the shelf first confirmed the tape ARCHIVED
 * @param lastWrittenAt when the last job wrote to it (from the catalog), for retention
 * @param storageClass GLACIER or DEEP_ARCHIVE once known, for minimum storage and waits
 * @param volStatusBeforeRetrieve the VolStatus to restore when a retrieved copy goes back
 * @param holds reasons to keep a retrieved copy online
 * @param failedIn the state a FAILED tape failed in
 * @param failure why it failed (for a deleted tape: why Bacula's catalog still has its volume)
 * @param manifestWritten whether the shelf manifest is complete (archive date included)
 * @param seq how many transitions the tape has made
 * @param recent the latest transitions, oldest first (at most {@link #RECENT})
 */
public record TapeRecord(
    TapeState state,
    Instant since,
    Location location,
    boolean readOnly,
    boolean driveHeld,
    List<Step> done,
    Instant gate,
    GatewayStatus gateway,
    VolumeStatus volume,
    Instant labeledAt,
    Instant archivedAt,
    Instant lastWrittenAt,
    StorageClass storageClass,
    String volStatusBeforeRetrieve,
    List<Hold> holds,
    TapeState failedIn,
    Failure failure,
    boolean manifestWritten,
    int seq,
    List<Transition> recent) {

  /** How many transitions {@link #recent} keeps. */
  public static final int RECENT = 24;

  public TapeRecord {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(location, "location");
    done = done == null ? List.of() : List.copyOf(done);
    holds = holds == null ? List.of() : List.copyOf(holds);
    recent = recent == null ? List.of() : List.copyOf(recent);
    gate = gate == null ? since : gate;
  }

  /** A new tape that tapeflow is to create. */
  public static TapeRecord requested(Instant now) {
    return new Builder(TapeState.REQUESTED, now, Location.none()).build();
  }

  /** A tape the gateway is already creating (e.g. from a batch CreateTapes). */
  public static TapeRecord creating(Instant createdAt) {
    return new Builder(TapeState.CREATING, createdAt, Location.gateway()).build();
  }

  /**
   * A tape found by reconciliation, with what the ground truth says; {@link TapeLifecycle#advance}
   * places it in the lifecycle when the facts are clear enough.
   */
  public static TapeRecord adopted(
      Instant now, Location location, GatewayStatus gateway, VolumeStatus volume) {
    Builder b = new Builder(TapeState.ADOPTED, now, location);
    b.gateway = gateway;
    b.volume = volume;
    b.gate = Instant.EPOCH;
    return b.build();
  }

  /** Whether a step of the current state is done. */
  public boolean did(Step step) {
    return done.contains(step);
  }

  /** The newest transition, or null if none. */
  public Transition lastTransition() {
    return recent.isEmpty() ? null : recent.get(recent.size() - 1);
  }

  /** A builder starting from this record. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy of a record, for the lifecycle's own changes. */
  public static final class Builder {
    TapeState state;
    Instant since;
    Location location;
    boolean readOnly;
    boolean driveHeld;
    List<Step> done;
    Instant gate;
    GatewayStatus gateway;
    VolumeStatus volume;
    Instant labeledAt;
    Instant archivedAt;
    Instant lastWrittenAt;
    StorageClass storageClass;
    String volStatusBeforeRetrieve;
    List<Hold> holds;
    TapeState failedIn;
    Failure failure;
    boolean manifestWritten;
    int seq;
    List<Transition> recent;

    Builder(TapeState state, Instant since, Location location) {
      this.state = state;
      this.since = since;
      this.location = location;
      this.done = new ArrayList<>();
      this.holds = new ArrayList<>();
      this.recent = new ArrayList<>();
      this.gate = since;
    }

    Builder(TapeRecord r) {
      state = r.state;
      since = r.since;
      location = r.location;
      readOnly = r.readOnly;
      driveHeld = r.driveHeld;
      done = new ArrayList<>(r.done);
      gate = r.gate;
      gateway = r.gateway;
      volume = r.volume;
      labeledAt = r.labeledAt;
      archivedAt = r.archivedAt;
      lastWrittenAt = r.lastWrittenAt;
      storageClass = r.storageClass;
      volStatusBeforeRetrieve = r.volStatusBeforeRetrieve;
      holds = new ArrayList<>(r.holds);
      failedIn = r.failedIn;
      failure = r.failure;
      manifestWritten = r.manifestWritten;
      seq = r.seq;
      recent = new ArrayList<>(r.recent);
    }

    public Builder location(Location location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    public Builder lastWrittenAt(Instant lastWrittenAt) {
      this.lastWrittenAt = lastWrittenAt;
      return this;
    }

    public Builder storageClass(StorageClass storageClass) {
      this.storageClass = storageClass;
      return this;
    }

    public Builder archivedAt(Instant archivedAt) {
      this.archivedAt = archivedAt;
      return this;
    }

    public TapeRecord build() {
      return new TapeRecord(
          state,
          since,
          location,
          readOnly,
          driveHeld,
          done,
          gate,
          gateway,
          volume,
          labeledAt,
          archivedAt,
          lastWrittenAt,
          storageClass,
          volStatusBeforeRetrieve,
          holds,
          failedIn,
          failure,
          manifestWritten,
          seq,
          recent);
    }
  }
}
