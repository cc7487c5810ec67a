package io.tapeflow.activities.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.temporal.testing.TestActivityExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures, not a timed test: gateway API calls per watcher cycle (one listing of every tape) with 1
 * and with 500 tapes in transit (exported, IN TRANSIT TO VTS for an hour), counted twice: by the
 * activity, and by an interceptor on the SDK client that counts every HTTP request. Against the
 * emulator on tgt. Writes {@code target/benchmarks/watcher-calls.md}.
 */
class WatcherCallsBenchmarkIT {
  private static final Logger LOG = LoggerFactory.getLogger(WatcherCallsBenchmarkIT.class);

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static MediumChanger changer;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(new GatewayActivitiesImpl(gw.sgw(), Clock.systemUTC()))
          .build();

  @BeforeAll
  static void start() {
    gw =
        EmulatedGateway.start(
            dir,
            c ->
                c.library(2, 520, 520)
                    .delays(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1))
                    .pollInterval(Duration.ofMillis(200)));
    changer = gw.openChanger();
  }

  @AfterAll
  static void stop() {
    changer.close();
    gw.close();
  }

  /** Creates tapes, imports and exports them: they are IN TRANSIT TO VTS for the next hour. */
  private static List<String> inTransit(String prefix, int count) {
    List<String> barcodes = new ArrayList<>();
    for (int left = count; left > 0; left -= 10) {
      int n = Math.min(10, left);
      String token = prefix + "-" + left;
      for (String arn :
          gw.sgw()
              .createTapes(
                  b ->
                      b.gatewayARN(gw.gatewayArn())
                          .tapeBarcodePrefix(prefix)
                          .numTapesToCreate(n)
                          .tapeSizeInBytes(100L << 30)
                          .clientToken(token))
              .tapeARNs()) {
        barcodes.add(TapeArns.barcodeOf(arn));
      }
    }
    Checks.await(() -> inIe(changer.inventory(), barcodes), Duration.ofMinutes(15));
    for (String b : barcodes) {
      changer.ensureIn(b, ElementType.STORAGE);
      changer.ensureIn(b, ElementType.IMPORT_EXPORT);
    }
    Checks.await(
        () ->
            knownNow().entrySet().stream()
                    .filter(t -> barcodes.contains(t.getKey()))
                    .filter(t -> GatewayStatuses.IN_TRANSIT_TO_VTS.equals(t.getValue()))
                    .count()
                == barcodes.size(),
        Duration.ofMinutes(15));
    return barcodes;
  }

  private static boolean inIe(Inventory inv, List<String> barcodes) {
    return barcodes.stream()
        .allMatch(b -> inv.locate(b).map(e -> e.type() == ElementType.IMPORT_EXPORT).orElse(false));
  }

  private static Map<String, String> knownNow() {
    Map<String, String> known = new TreeMap<>();
    String marker = null;
    do {
      String m = marker;
      var page = gw.sgw().listTapes(b -> b.limit(100).marker(m));
      page.tapeInfos().forEach(t -> known.put(t.tapeBarcode(), t.tapeStatus()));
      marker = page.marker();
    } while (marker != null);
    return known;
  }

  /** One quiet cycle (nothing changes): what it cost, counted by the activity and on the wire. */
  private record Cycle(int tapes, int moving, int activityCalls, int pages, int wireCalls) {}

  private static Cycle cycle(GatewayActivities a) {
    Map<String, String> known = knownNow();
    int before = gw.requests();
    // maxWait 0: one listing, then back (a real watcher's cycle at its interval).
    TapeChanges c =
        a.watchTapes(
            new WatchRequest(
                gw.gatewayArn(),
                known,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ZERO,
                100));
    int wire = gw.requests() - before;
    assertThat(c.changes()).isEmpty();
    return new Cycle(c.tapes(), c.moving(), c.lastPollCalls(), c.lastPollPages(), wire);
  }

  @Test
  void callsPerCycle_growWithPages_notWithTapes(GatewayActivities a) throws IOException {
    inTransit("ONE", 1);
    Cycle one = cycle(a);
    inTransit("MNY", 499);
    Cycle many = cycle(a);

    String figures =
        String.join(
            "\n",
            "| tapes in transit | tapes listed | ListTapes pages (100 per page) | API calls per cycle (activity) | HTTP requests per cycle (SDK interceptor) | calls a per-tape DescribeTapes poll would make |",
            "| --- | --- | --- | --- | --- | --- |",
            row(one),
            row(many),
            "");
    LOG.info("watcher calls per cycle:\n{}", figures);
    Path out = Path.of("target", "benchmarks", "watcher-calls.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures, StandardCharsets.UTF_8);

    assertThat(one.moving()).isEqualTo(1);
    assertThat(many.moving()).isEqualTo(500);
    assertThat(one.wireCalls()).isEqualTo(1);
    assertThat(many.wireCalls()).isEqualTo(many.pages()).isEqualTo((many.tapes() + 99) / 100);
    assertThat(many.activityCalls()).isEqualTo(many.wireCalls());
  }

  private static String row(Cycle c) {
    return String.format(
        "| %d | %d | %d | %d | %d | %d |",
        c.moving(), c.tapes(), c.pages(), c.activityCalls(), c.wireCalls(), c.moving());
  }
}
