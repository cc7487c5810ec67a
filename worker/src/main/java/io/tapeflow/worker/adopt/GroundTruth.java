package io.tapeflow.worker.adopt;

import io.tapeflow.activities.gateway.GatewayActivitiesImpl;
import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatus;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.VolumeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;

/**
 * Reads the three sources of truth about tapes (invariant 7): a gateway's listing (ListTapes, with
 * DescribeTapeArchives for the archive dates, as the watcher reads it), a changer's inventory and
 * the Bacula catalog. Reads only; each source that does not answer is reported by its caller.
 */
final class GroundTruth {
  private static final Logger LOG = LoggerFactory.getLogger(GroundTruth.class);
  private static final int PAGE = 100;

  private final GatewayActivitiesImpl gateway;
  private final BaculaConsole console;
  private final Clock clock;
  private boolean catalogDown;

  GroundTruth(StorageGatewayClient sgw, BaculaConsole console, Clock clock) {
    this.gateway = new GatewayActivitiesImpl(sgw, clock);
    this.console = console;
    this.clock = clock;
  }

  /**
   * Every tape the gateway lists, by barcode: one complete listing (calls grow with pages, never
   * with tapes). A zero wait with nothing known returns at once, so no activity context is needed.
   */
  Map<String, GatewayStatus> gatewayTapes(String gatewayArn) {
    TapeChanges listing =
        gateway.watchTapes(
            new WatchRequest(
                gatewayArn,
                Map.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ZERO,
                PAGE));
    Map<String, GatewayStatus> tapes = new HashMap<>();
    for (GatewayStatus s : listing.changes()) {
      tapes.put(s.barcode(), s);
    }
    return tapes;
  }

  /** Where each tape with a barcode sits in the changer: element addresses, drives included. */
  static Map<String, Location> changerTapes(Inventory inv) {
    Map<String, Location> where = new HashMap<>();
    for (Element e : inv.elements()) {
      Optional<String> barcode = e.barcodeIfAny();
      if (!e.full() || barcode.isEmpty()) {
        continue;
      }
      Location l =
          switch (e.type()) {
            case STORAGE -> Location.slot(e.address());
            case IMPORT_EXPORT -> Location.ieSlot(e.address());
            case DRIVE -> Location.drive(e.address());
            case TRANSPORT -> null;
          };
      if (l != null) {
        where.put(barcode.get(), l);
      }
    }
    return where;
  }

  /**
   * The catalog's record of a volume named like the tape, or empty when Bacula does not know it or
   * does not answer (then the tape is placed from the other sources, or waits for an operator).
   */
  Optional<VolumeStatus> volume(String barcode) {
    if (catalogDown) {
      return Optional.empty();
    }
    Optional<VolumeRecord> r;
    try {
      r = console.volume(VolumeName.of(barcode));
    } catch (RuntimeException e) {
      // Asked once per start: a console that fails for one tape fails for the others.
      catalogDown = true;
      LOG.warn(
          "reconcile: the Bacula catalog does not answer ({}); tapes are placed without it:"
              + " those in the library wait for an operator",
          String.valueOf(e.getMessage()).replace('\n', ' '));
      return Optional.empty();
    }
    Instant now = clock.instant();
    return r.map(v -> VolumeStatus.of(barcode, v.status().bacula(), now));
  }
}
