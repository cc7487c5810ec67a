package io.tapeflow.changer.mtx;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import java.util.List;

/**
 * What {@code mtx status} reported.
 *
 * @param device the device name in mtx's header
 * @param drives the number of drives (numbered 0..drives-1)
 * @param slots the number of slots, import/export slots included (numbered 1..slots)
 * @param importExport how many of the slots are import/export slots
 * @param elements drives as {@code DRIVE}, slots as {@code STORAGE} or {@code IMPORT_EXPORT}, with
 *     mtx's numbers as addresses
 */
public record MtxStatus(
    String device, int drives, int slots, int importExport, List<Element> elements) {

  public MtxStatus {
    elements = List.copyOf(elements);
  }

  public Inventory toInventory() {
    return new Inventory(elements);
  }
}
