package io.tapeflow.changer.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: writes {@code mtx status} output in mtx 1.3.12's exact format (reference scsi-smc.md
 * §9.3): two leading spaces on the header, six on slot lines, {@code :VolumeTag = } on drives and
 * {@code :VolumeTag=} on slots, tags padded to 32 characters, {@code Full } with its trailing
 * space, I/E slots numbered after the storage slots.
 */
public final class MtxStatusText {
  private final String device;
  private final int drives;
  private final int storage;
  private final int importExport;
  private final boolean barcodes;
  private final Map<Integer, String> driveTags = new TreeMap<>();
  private final Map<Integer, Integer> driveSources = new TreeMap<>();
  private final Map<Integer, String> slotTags = new TreeMap<>();

  public MtxStatusText(String device, int drives, int storage, int importExport, boolean barcodes) {
    this.device = device;
    this.drives = drives;
    this.storage = storage;
    this.importExport = importExport;
    this.barcodes = barcodes;
  }

  /** A cartridge in slot {@code n} (1..storage+importExport). */
  public MtxStatusText slot(int n, String tag) {
    slotTags.put(n, tag);
    return this;
  }

  /** A cartridge in drive {@code d}, loaded from {@code source} (null: unknown). */
  public MtxStatusText drive(int d, String tag, Integer source) {
    driveTags.put(d, tag);
    if (source != null) {
      driveSources.put(d, source);
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            "  Storage Changer %s:%d Drives, %d Slots ( %d Import/Export )%n",
            device, drives, storage + importExport, importExport));
    for (int d = 0; d < drives; d++) {
      s.append("Data Transfer Element ").append(d).append(':');
      if (driveTags.containsKey(d)) {
        Integer src = driveSources.get(d);
        s.append(
            src == null
                ? "Full (Unknown Storage Element Loaded)"
                : "Full (Storage Element " + src + " Loaded)");
        if (barcodes) {
          s.append(":VolumeTag = ").append(String.format("%-32s", driveTags.get(d)));
        }
      } else {
        s.append("Empty");
      }
      s.append('\n');
    }
    for (int n = 1; n <= storage + importExport; n++) {
      s.append("      Storage Element ").append(n);
      if (n > storage) {
        s.append(" IMPORT/EXPORT");
      }
      String tag = slotTags.get(n);
      s.append(':').append(tag == null ? "Empty" : "Full ");
      if (barcodes) {
        s.append(":VolumeTag=").append(String.format("%-32s", tag == null ? "" : tag));
      }
      s.append('\n');
    }
    return s.toString();
  }
}
