package io.tapeflow.bacula.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code label barcodes} (or one {@code label}) reported.
 *
 * @param offered the volumes Bacula proposed to label, by slot
 * @param labelled the volumes labelled now, with their slot
 * @param alreadyLabelled volumes that already had a catalog record (only their slot was refreshed)
 * @param failed volumes whose label failed, with Bacula's reason
 * @param skipped lines about barcodes Bacula refused as volume names
 */
public record LabelResult(
    Map<Integer, String> offered,
    Map<String, Integer> labelled,
    List<String> alreadyLabelled,
    Map<String, String> failed,
    List<String> skipped) {

  public LabelResult {
    offered = Map.copyOf(offered);
    labelled = Map.copyOf(labelled);
    alreadyLabelled = List.copyOf(alreadyLabelled);
    failed = Map.copyOf(failed);
    skipped = List.copyOf(skipped);
  }
}
