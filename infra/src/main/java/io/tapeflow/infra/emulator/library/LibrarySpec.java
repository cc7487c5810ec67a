package io.tapeflow.infra.emulator.library;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to start: where the library keeps its files, its portal and size, and the cartridges it
 * holds from the start (storage and import/export elements only; drives are loaded afterwards by a
 * move, as an initiator would). Addresses follow the AWS-shaped map: transport 1, drives 10000..,
 * storage 20000.., import/export 30000...
 *
 * @param dir the library's own directory (tgt's files, its env file, tape images)
 * @param portalHost portal address
 * @param portalPort portal port, 0 for a free one
 * @param drives number of drives
 * @param slots number of storage elements
 * @param ieSlots number of import/export elements
 * @param iqnPrefix prefix of the target IQNs ({@code <prefix>-mediachanger}, {@code
 *     <prefix>-tapedrive-01}..), kept across restarts
 * @param cartridges barcode by element address
 */
public record LibrarySpec(
    Path dir,
    String portalHost,
    int portalPort,
    int drives,
    int slots,
    int ieSlots,
    String iqnPrefix,
    Map<Integer, String> cartridges) {

  /** The robot's element address (tgt rejects address 0). */
  public static final int TRANSPORT = 1;

  /** First drive element address. */
  public static final int DRIVES_FIRST = 10000;

  /** First storage element address. */
  public static final int STORAGE_FIRST = 20000;

  /** First import/export element address. */
  public static final int IE_FIRST = 30000;

  public LibrarySpec {
    cartridges = Map.copyOf(cartridges);
  }

  /** The same library holding other cartridges. */
  public LibrarySpec withCartridges(Map<Integer, String> barcodeByAddress) {
    return new LibrarySpec(
        dir, portalHost, portalPort, drives, slots, ieSlots, iqnPrefix, barcodeByAddress);
  }

  /** The same library with another IQN prefix. */
  public LibrarySpec withIqnPrefix(String prefix) {
    return new LibrarySpec(dir, portalHost, portalPort, drives, slots, ieSlots, prefix, cartridges);
  }

  /** Starts a library. */
  public interface Starter {
    LibrarySide start(LibrarySpec spec);
  }
}
