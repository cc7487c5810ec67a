package io.tapeflow.bacula.model;

import java.util.Map;

/**
 * The result of {@code update slots} plus what it does without saying: the volumes whose InChanger
 * flag it cleared because the changer no longer lists them (it prints nothing for those).
 *
 * @param report what {@code update slots} printed
 * @param removedFromChanger volumes that were InChanger before and are not now, with their former
 *     slot
 */
public record SlotSync(UpdateSlotsResult report, Map<String, Integer> removedFromChanger) {

  public SlotSync {
    removedFromChanger = Map.copyOf(removedFromChanger);
  }
}
