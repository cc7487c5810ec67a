package io.tapeflow.bacula.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code update slots} reported.
 *
 * @param changerSlots the slot count the changer gave ({@code Device "X" has N slots.})
 * @param upToDate volumes whose catalog slot was already right
 * @param updated volumes whose catalog record now references a new slot, with that slot
 * @param notInCatalog cartridges the changer listed that the catalog does not know, by slot
 * @param skipped lines about barcodes Bacula refused as volume names
 */
public record UpdateSlotsResult(
    int changerSlots,
    List<String> upToDate,
    Map<String, Integer> updated,
    Map<Integer, String> notInCatalog,
    List<String> skipped) {

  public UpdateSlotsResult {
    upToDate = List.copyOf(upToDate);
    updated = Map.copyOf(updated);
    notInCatalog = Map.copyOf(notInCatalog);
    skipped = List.copyOf(skipped);
  }

  /** Every volume name the changer reported in a storage slot (catalog known or not). */
  public List<String> seen() {
    List<String> all = new ArrayList<>(upToDate);
    all.addAll(updated.keySet());
    all.addAll(notInCatalog.values());
    return List.copyOf(all);
  }
}
