package io.tapeflow.workflows.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TapeStatusDiffTest {
  private static final String GW =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
  private static final String OTHER =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-99999999";
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static TapeInfo tape(String barcode, String status, String gateway) {
    return new TapeInfo(
        barcode,
        "arn:aws:storagegateway:us-east-1:111122223333:tape/" + barcode,
        status,
        gateway,
        "GLACIER",
        null,
        107374182400L,
        null,
        null,
        null,
        "NONE",
        null,
        gateway == null,
        AT);
  }

  @Test
  void changes_reportNewChangedAndVanishedTapes_onlyOfThisGatewayAndTheShelf() {
    Map<String, String> known =
        Map.of("TAP00001", "AVAILABLE", "TAP00002", "ARCHIVING", "TAP00003", "AVAILABLE");
    List<TapeInfo> listing =
        List.of(
            tape("TAP00001", "AVAILABLE", GW),
            tape("TAP00002", "ARCHIVED", null),
            tape("TAP00004", "CREATING", GW),
            tape("TAP00005", "AVAILABLE", OTHER));
    List<GatewayStatus> changes = TapeStatusDiff.changes(known, listing, GW, AT);
    assertThat(changes)
        .extracting(GatewayStatus::barcode, GatewayStatus::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TAP00002", "ARCHIVED"),
            org.assertj.core.groups.Tuple.tuple("TAP00003", "DELETED"),
            org.assertj.core.groups.Tuple.tuple("TAP00004", "CREATING"));
    Map<String, String> next = TapeStatusDiff.apply(known, changes);
    assertThat(next).containsOnlyKeys("TAP00001", "TAP00002", "TAP00004");
    assertThat(TapeStatusDiff.changes(next, listing, GW, AT))
        .as("a second look is quiet")
        .isEmpty();
  }

  @Test
  void interval_isFastWhileATapeMoves() {
    Duration fast = Duration.ofMinutes(1);
    Duration slow = Duration.ofMinutes(15);
    assertThat(TapeStatusDiff.interval(List.of("AVAILABLE", "ARCHIVED"), fast, slow))
        .isEqualTo(slow);
    assertThat(
            TapeStatusDiff.interval(
                List.of("AVAILABLE", GatewayStatuses.IN_TRANSIT_TO_VTS), fast, slow))
        .isEqualTo(fast);
    assertThat(TapeStatusDiff.moving(List.of("RETRIEVING", "CREATING", "ARCHIVED"))).isEqualTo(2);
  }
}
