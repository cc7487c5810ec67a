package io.tapeflow.workflows.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives in whatever order (facts, duplicates, late observations, requests, step outcomes
 * and failures), the lifecycle only ever makes transitions it allows, rejected requests change
 * nothing, duplicates change nothing, and advancing twice is advancing once.
 */
class TapeLifecycleProperties {
  private static final String[] GATEWAY = {
    "CREATING",
    "AVAILABLE",
    "IN TRANSIT TO VTS",
    "ARCHIVING",
    "ARCHIVED",
    "RETRIEVING",
    "RETRIEVED",
    "DELETING",
    "DELETED",
    "IRRECOVERABLE"
  };
  private static final String[] VOLUME = {
    "Append", "Full", "Used", "Busy", "Purged", "Error", "Read-Only", "Recycle"
  };

  @Property(tries = 400)
  void anyEventSequence_keepsTheLifecycleConsistent(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 10_000) Integer> events) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    TapeRecord r = TapeRecord.requested(start);
    long minute = 0;
    for (int e : events) {
      minute += 1 + (e % 7);
      Instant now = start.plus(Duration.ofMinutes(minute));
      int param = e / 11;
      TapeRecord before = r;
      switch (e % 11) {
        case 0, 1 -> {
          GatewayStatus g =
              GatewayStatus.of(
                  Facts.BARCODE,
                  GATEWAY[param % GATEWAY.length],
                  now.minus(Duration.ofMinutes(param % 5)));
          r = TapeLifecycle.recordGateway(r, g);
          assertThat(TapeLifecycle.recordGateway(r, g)).as("duplicate fact").isEqualTo(r);
        }
        case 2 -> {
          VolumeStatus v =
              new VolumeStatus(
                  Facts.BARCODE,
                  VOLUME[param % VOLUME.length],
                  now.minus(Duration.ofMinutes(param % 4)),
                  param % 3 == 0 ? null : 7,
                  true,
                  param % 2 == 0 ? 0 : null,
                  9L,
                  param % 5 == 0);
          r = TapeLifecycle.recordVolume(r, v);
          assertThat(TapeLifecycle.recordVolume(r, v)).as("duplicate fact").isEqualTo(r);
        }
        case 3, 4, 5 -> r = stepSucceeds(r, now);
        case 6 -> {
          Step s = TapeLifecycle.nextStep(r);
          if (s != null) {
            r = TapeLifecycle.failed(r, new Failure(s, "X", "y"), now);
          }
        }
        case 7 -> {
          Verdict v = TapeRequests.checkArchive(Facts.BARCODE, r);
          if (v.accepted()) {
            r = TapeRequests.archive(r, now, "a", "a" + e);
          }
        }
        case 8 -> {
          Verdict v = TapeRequests.checkRetrieve(Facts.BARCODE, r);
          if (!v.rejected()) {
            r =
                TapeRequests.retrieve(
                    r,
                    now,
                    new Hold("h" + (param % 3), Duration.ofMinutes(30), null, null, false),
                    "r",
                    "r" + e);
          }
        }
        case 9 -> {
          if (param % 2 == 0) {
            Verdict v = TapeRequests.checkExpire(Facts.BARCODE, r);
            if (v.accepted()) {
              r = TapeRequests.expire(r, now, "e", "e" + e);
            }
          } else {
            r = TapeRequests.release(r, now, "h" + (param % 3));
          }
        }
        default -> {
          Verdict v = TapeRequests.checkResume(Facts.BARCODE, r, null);
          if (v.accepted()) {
            r = TapeRequests.resume(r, now, null, null, "fixed", "res" + e);
          }
        }
      }
      if (before.state() == TapeState.DELETED) {
        assertThat(r.state()).isEqualTo(TapeState.DELETED);
      }
      r = TapeLifecycle.advance(r, now, Duration.ofHours(1));
      assertThat(TapeLifecycle.advance(r, now, Duration.ofHours(1)))
          .as("advance settles")
          .isEqualTo(r);
    }
    int seq = r.seq() - r.recent().size();
    for (Transition t : r.recent()) {
      assertThat(t.seq()).isEqualTo(++seq);
      assertThat(TapeLifecycle.allowed(t.from(), t.to())).as("%s", t).isTrue();
    }
  }

  private static TapeRecord stepSucceeds(TapeRecord r, Instant now) {
    Step s = TapeLifecycle.nextStep(r);
    if (s == null) {
      return r;
    }
    return switch (s) {
      case CREATE -> TapeLifecycle.created(r, now, now);
      case IMPORT -> TapeLifecycle.imported(r, Location.slot(100));
      case MARK_READ_ONLY -> TapeLifecycle.markedReadOnly(r, "Full", now);
      case LABEL -> TapeLifecycle.labeled(r, now, VolumeStatus.of(Facts.BARCODE, "Append", now));
      case FREE_DRIVE -> TapeLifecycle.driveFreed(r, Location.slot(5));
      case EXPORT -> TapeLifecycle.exported(r, Location.ieSlot(1601), now);
      case SYNC_BACULA -> TapeLifecycle.baculaSynced(r, null);
      case RECORD_MANIFEST -> TapeLifecycle.manifestWritten(r, null, StorageClass.GLACIER);
      case RETRIEVE -> TapeLifecycle.retrieveStarted(r, now);
      case DELETE -> TapeLifecycle.deleted(r);
      case REMOVE_FROM_CATALOG -> TapeLifecycle.catalogCleaned(r);
    };
  }
}
