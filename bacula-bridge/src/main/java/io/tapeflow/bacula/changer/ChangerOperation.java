package io.tapeflow.bacula.changer;

import java.util.Locale;

/**
 * The operations of the mtx-changer protocol, as Bacula's storage daemon names them ({@code %o}).
 */
public enum ChangerOperation {
  /** Total number of slots (storage plus import/export), one line. */
  SLOTS,
  /** {@code slot:barcode} per full storage slot; drive-loaded tapes under their home slot. */
  LIST,
  /** {@code D:}, {@code S:} and {@code I:} lines for every element. */
  LISTALL,
  /** The slot whose tape is in drive {@code %d}, or 0. */
  LOADED,
  /** Slot {@code %S} into drive {@code %d}. */
  LOAD,
  /** Drive {@code %d} back to slot {@code %S}. */
  UNLOAD,
  /** Slot {@code %S} to the slot given as the fourth argument. */
  TRANSFER;

  /** The word on the command line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The operation for a word.
   *
   * @throws ChangerProtocolException for anything else
   */
  public static ChangerOperation parse(String word) {
    for (ChangerOperation o : values()) {
      if (o.word().equals(word)) {
        return o;
      }
    }
    throw new ChangerProtocolException(
        "unknown changer operation '"
            + word
            + "'; expected one of slots, list, listall, loaded, load, unload, transfer");
  }
}
