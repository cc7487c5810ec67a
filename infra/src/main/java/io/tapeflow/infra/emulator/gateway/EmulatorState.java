package io.tapeflow.infra.emulator.gateway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Everything the emulator keeps across restarts; persisted as one JSON file. */
final class EmulatorState {
  int formatVersion = 1;
  String gatewayId;
  Instant gatewayCreated;

  /** Live tapes (VTL and shelf) by barcode. */
  TreeMap<String, TapeRecord> tapes = new TreeMap<>();

  /** Every barcode ever created, deleted ones included: barcodes are never reusable. */
  TreeSet<String> usedBarcodes = new TreeSet<>();

  /** Custom pools by pool id. */
  TreeMap<String, PoolRecord> pools = new TreeMap<>();

  /** CreateTapes ClientTokens and what they produced. */
  Map<String, TokenRecord> clientTokens = new LinkedHashMap<>();

  EmulatorState() {}
}
