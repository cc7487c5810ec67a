package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pure part of watching a gateway: which tapes of a listing concern a gateway, which of them
 * changed, and how soon to look again.
 */
public final class TapeStatusDiff {
  private TapeStatusDiff() {}

  /**
   * Whether a listed tape concerns the gateway: it belongs to it, or it is on the shelf (ListTapes
   * is account-wide and shelf tapes have no gateway; a shelf tape may be this gateway's).
   */
  public static boolean concerns(TapeInfo t, String gatewayArn) {
    return t.gatewayArn() == null || t.gatewayArn().equals(gatewayArn);
  }

  /**
   * The tapes whose status differs from {@code known}: new tapes, changed statuses, and tapes
   * {@code known} has that the listing no longer shows (reported DELETED). Sorted by barcode.
   *
   * @param listing every tape of one complete listing (all pages)
   * @param at when the listing was made
   */
  public static List<GatewayStatus> changes(
      Map<String, String> known, Collection<TapeInfo> listing, String gatewayArn, Instant at) {
    Map<String, TapeInfo> now = new TreeMap<>();
    for (TapeInfo t : listing) {
      if (concerns(t, gatewayArn)) {
        now.put(t.barcode(), t);
      }
    }
    List<GatewayStatus> changed = new ArrayList<>();
    Set<String> barcodes = new TreeSet<>(known.keySet());
    barcodes.addAll(now.keySet());
    for (String barcode : barcodes) {
      TapeInfo t = now.get(barcode);
      String before = known.get(barcode);
      if (t == null) {
        if (!GatewayStatuses.DELETED.equals(before)) {
          changed.add(GatewayStatus.of(barcode, GatewayStatuses.DELETED, at));
        }
      } else if (!t.status().equals(before)) {
        changed.add(
            new GatewayStatus(barcode, t.status(), at, t.gatewayArn(), t.poolId(), t.archivedAt()));
      }
    }
    return changed;
  }

  /** The statuses after applying changes: DELETED tapes are dropped. */
  public static Map<String, String> apply(Map<String, String> known, List<GatewayStatus> changes) {
    Map<String, String> next = new TreeMap<>(known);
    for (GatewayStatus s : changes) {
      if (s.is(GatewayStatuses.DELETED)) {
        next.remove(s.barcode());
      } else {
        next.put(s.barcode(), s.status());
      }
    }
    return next;
  }

  /** How many of the statuses will change by themselves soon (CREATING, IN TRANSIT TO VTS ...). */
  public static int moving(Collection<String> statuses) {
    int n = 0;
    for (String s : statuses) {
      if (GatewayStatuses.MOVING.contains(s)) {
        n++;
      }
    }
    return n;
  }

  /** Fast while any tape is moving, slow otherwise. */
  public static Duration interval(Collection<String> statuses, Duration fast, Duration slow) {
    return moving(statuses) > 0 ? fast : slow;
  }
}
