package io.tapeflow.infra.emulator.gateway;

import java.util.List;

/**
 * What a CreateTapes call with a ClientToken produced, so a repeat returns the same tapes.
 *
 * @param fingerprint the call's parameters; a repeat with other parameters is refused
 * @param barcodes the tapes it created
 */
record TokenRecord(String fingerprint, List<String> barcodes) {
  TokenRecord {
    barcodes = List.copyOf(barcodes);
  }
}
