package io.tapeflow.bacula.changer;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import java.util.OptionalInt;

/**
 * The read-only answers of the protocol, as pure functions of one inventory: exactly the text the
 * storage daemon parses.
 */
public final class ChangerListings {
  private ChangerListings() {}

  /** {@code slots}: storage plus import/export slots, one line (as the stock script counts). */
  public static String slots(Inventory inventory) {
    return SlotMap.of(inventory).slotCount() + "\n";
  }

  /**
   * {@code list}: {@code slot:barcode} for each full storage slot, in slot order, then each drive's
   * cartridge under its home slot. Import/export slots are left out: the Director offers every
   * listed cartridge to {@code update slots} and {@code label barcodes}, and a cartridge in an
   * import/export slot is not in the library yet. A cartridge without a barcode is listed as {@code
   * slot:} (the Director skips it unless scanning).
   */
  public static String list(Inventory inventory) {
    SlotMap map = SlotMap.of(inventory);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < map.storage().size(); i++) {
      Element e = map.storage().get(i);
      if (e.full()) {
        b.append(i + 1).append(':').append(tag(e)).append('\n');
      }
    }
    for (Element d : map.drives()) {
      OptionalInt home = map.homeSlot(d);
      if (home.isPresent() && !map.isImportExport(home.getAsInt())) {
        b.append(home.getAsInt()).append(':').append(tag(d)).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * {@code listall}: {@code D:drive:F:slot:barcode} or {@code D:drive:E}, then {@code
   * S:slot:F:barcode} / {@code S:slot:E}, then {@code I:slot:F:barcode} / {@code I:slot:E}.
   */
  public static String listAll(Inventory inventory) {
    SlotMap map = SlotMap.of(inventory);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < map.drives().size(); i++) {
      Element d = map.drives().get(i);
      if (d.full()) {
        OptionalInt home = map.homeSlot(d);
        b.append("D:").append(i).append(":F:").append(home.isPresent() ? home.getAsInt() : 0);
        b.append(':').append(tag(d)).append('\n');
      } else {
        b.append("D:").append(i).append(":E\n");
      }
    }
    appendSlots(b, "S", map.storage(), 1);
    appendSlots(b, "I", map.importExport(), map.storageCount() + 1);
    return b.toString();
  }

  private static void appendSlots(
      StringBuilder b, String kind, Iterable<Element> slots, int first) {
    int n = first;
    for (Element e : slots) {
      b.append(kind).append(':').append(n++);
      b.append(e.full() ? ":F:" + tag(e) : ":E").append('\n');
    }
  }

  /**
   * {@code loaded}: the slot whose cartridge is in drive {@code drive}, or 0 when it is empty. The
   * whole output is read as one number, so nothing else may be printed.
   */
  public static String loaded(Inventory inventory, int drive) {
    SlotMap map = SlotMap.of(inventory);
    Element d = map.drive(drive);
    if (!d.full()) {
      return "0\n";
    }
    OptionalInt home = map.homeSlot(d);
    if (home.isEmpty()) {
      throw new ChangerProtocolException(
          "drive " + drive + " holds " + tag(d) + " but no slot is free to return it to");
    }
    return home.getAsInt() + "\n";
  }

  private static String tag(Element e) {
    return e.barcodeIfAny().orElse("");
  }
}
