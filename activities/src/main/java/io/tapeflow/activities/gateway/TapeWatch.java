package io.tapeflow.activities.gateway;

import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeStatusDiff;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.ListTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;

/**
 * The watcher's long poll: list every tape (ListTapes, page by page), compare with what the watcher
 * knows, and return as soon as something changed; otherwise heartbeat, sleep (fast while a tape is
 * moving, slow otherwise) and look again, until {@code maxWait}. Tapes that just reached the shelf
 * are described (DescribeTapeArchives, in pages) for their archive date. Calls per poll grow with
 * pages, never with tapes.
 */
final class TapeWatch {
  /** The longest sleep between two heartbeats. */
  private static final Duration BEAT = Duration.ofSeconds(5);

  private final StorageGatewayClient sgw;
  private final Clock clock;

  TapeWatch(StorageGatewayClient sgw, Clock clock) {
    this.sgw = sgw;
    this.clock = clock;
  }

  /** One listing and what it cost. */
  record Poll(List<TapeInfo> tapes, int calls, int pages) {}

  TapeChanges watch(WatchRequest r, Consumer<String> heartbeat) {
    Instant end = clock.instant().plus(r.maxWait());
    int polls = 0;
    int calls = 0;
    while (true) {
      Instant at = clock.instant();
      Poll poll = list(r.pageSize());
      polls++;
      calls += poll.calls();
      List<GatewayStatus> changes =
          TapeStatusDiff.changes(r.known(), poll.tapes(), r.gatewayArn(), at);
      int archiveCalls = 0;
      if (!changes.isEmpty()) {
        DatedChanges dated = withArchiveDates(changes, r.gatewayArn(), r.pageSize());
        changes = dated.changes();
        archiveCalls = dated.calls();
        calls += archiveCalls;
      }
      List<String> statuses = new ArrayList<>();
      for (TapeInfo t : poll.tapes()) {
        if (TapeStatusDiff.concerns(t, r.gatewayArn())) {
          statuses.add(t.status());
        }
      }
      int moving = TapeStatusDiff.moving(statuses);
      if (!changes.isEmpty() || !clock.instant().isBefore(end)) {
        return new TapeChanges(
            changes,
            polls,
            calls,
            poll.calls() + archiveCalls,
            poll.pages(),
            statuses.size(),
            moving);
      }
      Duration interval = TapeStatusDiff.interval(statuses, r.fastInterval(), r.slowInterval());
      sleep(
          interval,
          end,
          heartbeat,
          "poll " + polls + ": " + statuses.size() + " tapes, " + moving + " moving");
    }
  }

  /** ListTapes, every page. */
  Poll list(int pageSize) {
    List<TapeInfo> tapes = new ArrayList<>();
    int calls = 0;
    String marker = null;
    Instant at = clock.instant();
    do {
      String m = marker;
      ListTapesResponse page;
      try {
        page = sgw.listTapes(b -> b.limit(pageSize).marker(m));
      } catch (SdkException e) {
        throw GatewayErrors.failure("ListTapes", e);
      }
      calls++;
      for (var t : page.tapeInfos()) {
        tapes.add(TapeViews.listed(t, at));
      }
      marker = page.marker();
    } while (marker != null && !marker.isEmpty());
    return new Poll(tapes, calls, calls);
  }

  private record DatedChanges(List<GatewayStatus> changes, int calls) {}

  /** Fills the archive date (CompletionTime) of tapes that reached the shelf, a page at a time. */
  private DatedChanges withArchiveDates(
      List<GatewayStatus> changes, String gatewayArn, int pageSize) {
    List<String> arns = new ArrayList<>();
    for (GatewayStatus s : changes) {
      if (s.is(GatewayStatuses.ARCHIVED)) {
        arns.add(TapeArns.of(gatewayArn).tape(s.barcode()));
      }
    }
    if (arns.isEmpty()) {
      return new DatedChanges(changes, 0);
    }
    Map<String, Instant> completed = new HashMap<>();
    int calls = 0;
    for (int from = 0; from < arns.size(); from += pageSize) {
      List<String> chunk = arns.subList(from, Math.min(arns.size(), from + pageSize));
      List<TapeArchive> archives;
      try {
        archives = sgw.describeTapeArchives(b -> b.tapeARNs(chunk)).tapeArchives();
      } catch (SdkException e) {
        throw GatewayErrors.failure("DescribeTapeArchives", e);
      }
      calls++;
      for (TapeArchive a : archives) {
        if (a.completionTime() != null) {
          completed.put(a.tapeBarcode(), a.completionTime());
        }
      }
    }
    List<GatewayStatus> out = new ArrayList<>();
    for (GatewayStatus s : changes) {
      Instant done = completed.get(s.barcode());
      out.add(
          done == null
              ? s
              : new GatewayStatus(
                  s.barcode(), s.status(), s.observedAt(), s.gatewayArn(), s.poolId(), done));
    }
    return new DatedChanges(out, calls);
  }

  private void sleep(Duration interval, Instant end, Consumer<String> heartbeat, String progress) {
    Instant until = clock.instant().plus(interval);
    if (until.isAfter(end)) {
      until = end;
    }
    while (clock.instant().isBefore(until)) {
      heartbeat.accept(progress);
      Duration left = Duration.between(clock.instant(), until);
      try {
        Thread.sleep(Math.max(1, Math.min(left.toMillis(), BEAT.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while watching the gateway", e);
      }
    }
    heartbeat.accept(progress);
  }
}
