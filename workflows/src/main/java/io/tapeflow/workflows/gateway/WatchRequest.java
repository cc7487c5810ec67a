package io.tapeflow.workflows.gateway;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One long poll of a gateway's tapes.
 *
 * @param gatewayArn the gateway
 * @param known the status of every tape seen so far (barcode → status); a tape missing here is new
 * @param fastInterval the poll interval while a tape has a moving status
 * @param slowInterval the poll interval otherwise
 * @param maxWait return after this long even if nothing changed
 * @param pageSize ListTapes page size (Limit)
 */
public record WatchRequest(
    String gatewayArn,
    Map<String, String> known,
    Duration fastInterval,
    Duration slowInterval,
    Duration maxWait,
    int pageSize) {
  public WatchRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    known = known == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(known));
    Objects.requireNonNull(fastInterval, "fastInterval");
    Objects.requireNonNull(slowInterval, "slowInterval");
    Objects.requireNonNull(maxWait, "maxWait");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
    }
  }
}
