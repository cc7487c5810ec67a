package io.tapeflow.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.bacula.AfterExportRequest;
import io.tapeflow.workflows.bacula.DriveRequest;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.bacula.JobOutcome;
import io.tapeflow.workflows.bacula.JobRequest;
import io.tapeflow.workflows.bacula.LabelRequest;
import io.tapeflow.workflows.bacula.RestoreJobRequest;
import io.tapeflow.workflows.bacula.SetVolumeStatusRequest;
import io.tapeflow.workflows.bacula.SlotsRequest;
import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.bacula.VolumeRequest;
import io.tapeflow.workflows.changer.LocateRequest;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.gateway.AwaitStatusRequest;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.CreateTapesRequest;
import io.tapeflow.workflows.gateway.DeleteTapeRequest;
import io.tapeflow.workflows.gateway.TapeActionRequest;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.gateway.WatcherInput;
import io.tapeflow.workflows.gateway.WatcherSnapshot;
import io.tapeflow.workflows.gateway.WatcherStats;
import io.tapeflow.workflows.lifecycle.Failure;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.Step;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.lifecycle.TapeLifecycle;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeRequests;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestCompletion;
import io.tapeflow.workflows.manifest.TapeManifest;
import io.tapeflow.workflows.tape.ArchiveRequest;
import io.tapeflow.workflows.tape.ExpireRequest;
import io.tapeflow.workflows.tape.ReleaseRequest;
import io.tapeflow.workflows.tape.RequestResult;
import io.tapeflow.workflows.tape.ResumeRequest;
import io.tapeflow.workflows.tape.RetrieveRequest;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapeNotice;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.testing.Tapes;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every payload of workflows, signals, updates, queries and activities survives Temporal's data
 * converter unchanged (no getter leaks into the JSON, no field is lost), so histories replay and
 * inputs carried across continue-as-new come back whole.
 */
class PayloadsTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final String BC = "TAP00001";
  private static final Barcode BARCODE = Barcode.of(BC);
  private static final String GW = Tapes.GATEWAY_ARN;

  @Test
  void everyPayload_roundTripsThroughTheDataConverter() {
    GatewayStatus g = new GatewayStatus(BC, "ARCHIVED", AT, GW, "GLACIER", AT);
    VolumeStatus v = new VolumeStatus(BC, "Full", AT, 3, true, 0, 7L, false);
    TapeRecord r =
        TapeLifecycle.failed(
            TapeRequests.retrieve(
                TapeLifecycle.recordVolume(
                    TapeLifecycle.recordGateway(TapeRecord.adopted(AT, Location.shelf(), g, v), g),
                    v),
                AT,
                new Hold("r1", Duration.ofHours(2), AT, "restore/1", true),
                "why",
                "r1"),
            new Failure(Step.RETRIEVE, Failures.GATEWAY_REJECTED, "no"),
            AT);
    JobOnVolume job = new JobOnVolume(7, "Backup", "c1-fd", "F", 10, 2, AT);
    List<Object> payloads =
        List.of(
            TapeInput.of(
                Tapes.identity(BC),
                TapePolicy.newBuilder().retention(Duration.ofDays(30)).build(),
                r),
            new TapeSnapshot(BC, TapeState.FAILED, "shelf", "an operator", "x", r, 42),
            new RequestResult("a", true, TapeState.EJECTING, "ok"),
            new TapeNotice(BC, "r1", TapeNotice.Kind.READY, TapeState.ONLINE_READ_ONLY, "online"),
            g,
            v,
            new ArchiveRequest("a", "why"),
            new RetrieveRequest("r", "why", Duration.ofHours(1), "restore/1"),
            new ExpireRequest("e", "why", true),
            new ResumeRequest("s", "why", TapeState.IN_SLOT, Location.slot(5)),
            new ReleaseRequest("r"),
            new MoveRequest("lib1", BARCODE, Location.ieSlot(1601), "id"),
            new LocateRequest("lib1", BARCODE),
            new LabelRequest("dir1", "Gateway", "Pool", BARCODE, 1025, 0, "id"),
            new SlotsRequest("dir1", "Gateway", 0, "id"),
            new VolumeRequest("dir1", BARCODE, null),
            new SetVolumeStatusRequest("dir1", "Gateway", BARCODE, "Read-Only", true, 0, "id"),
            new DriveRequest("dir1", "Gateway", 0, "id"),
            new JobRequest("dir1", 7),
            new RestoreJobRequest("dir1", 7, null, "/tmp/r", "id"),
            new AfterExportRequest("dir1", "Gateway", 0, BARCODE, "Full", "id"),
            new VolumeInfo(
                BC, "Full", "Append", "Pool", 3, true, null, 10, 1, AT, Duration.ofDays(365)),
            job,
            new JobOutcome(7, "T", 10, 2),
            new CreateTapeRequest(GW, BARCODE, 100L << 30, "GLACIER", "id"),
            new CreateTapesRequest(GW, "TAP", 5, 100L << 30, "GLACIER", "token-1"),
            new TapeRequest(GW, BARCODE),
            new TapeActionRequest(GW, BARCODE, "id"),
            new DeleteTapeRequest(GW, BARCODE, false, "id"),
            new AwaitStatusRequest(GW, BARCODE, List.of("RETRIEVED")),
            new TapeInfo(
                BC,
                "arn",
                "ARCHIVED",
                null,
                "GLACIER",
                StorageClass.GLACIER,
                1,
                2L,
                AT,
                AT,
                "NONE",
                null,
                true,
                AT),
            new WatchRequest(
                GW,
                Map.of(BC, "ARCHIVED"),
                Duration.ofMinutes(1),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                100),
            new TapeChanges(List.of(g), 3, 9, 3, 2, 150, 4),
            WatcherInput.of("gw1", GW),
            new WatcherStats(1, 2, 3, 4, 5, 6, 7, 8, AT),
            new WatcherSnapshot("gw1", 3, Map.of(BC, "ARCHIVING"), WatcherStats.NONE, 10),
            new TapeManifest(
                BARCODE,
                "gw1",
                "GLACIER",
                StorageClass.GLACIER,
                "Pool",
                "dir1",
                List.of(job),
                List.of("c1-fd"),
                10,
                AT,
                AT,
                AT,
                AT,
                AT),
            new ManifestCompletion(BARCODE, "gw1", "GLACIER", StorageClass.GLACIER, AT, AT, AT),
            new AuditRecord(
                BARCODE,
                3,
                TapeState.FULL,
                TapeState.EJECTING,
                AT,
                "why",
                "a",
                "tape/" + BC,
                "run"));
    for (Object p : payloads) {
      Payloads encoded = CONVERTER.toPayloads(p).orElseThrow();
      Object back =
          CONVERTER.fromPayloads(0, java.util.Optional.of(encoded), p.getClass(), p.getClass());
      assertThat(back).as(p.getClass().getSimpleName()).isEqualTo(p);
    }
  }
}
