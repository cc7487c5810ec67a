package io.tapeflow.bacula.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One or more slot intervals as bconsole's {@code slot=} and {@code slots=} take them, e.g. {@code
 * 1-3,7}. Slots are Bacula's 1-based numbers (storage slots first, import/export slots after them).
 */
public final class SlotRange {
  /** The highest slot number accepted. */
  public static final int MAX_SLOT = 32767;

  private static final Pattern SYNTAX =
      Pattern.compile("[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*");

  private static final Pattern COMMA = Pattern.compile(",");

  private final List<int[]> intervals;

  private SlotRange(List<int[]> intervals) {
    this.intervals = intervals;
  }

  /** The slots from {@code first} to {@code last}, both included. */
  public static SlotRange of(int first, int last) {
    check(first);
    check(last);
    if (first > last) {
      throw new InvalidValueException(
          "slot range " + first + "-" + last + " is backwards; give the lower slot first");
    }
    List<int[]> l = new ArrayList<>();
    l.add(new int[] {first, last});
    return new SlotRange(l);
  }

  /** One slot. */
  public static SlotRange single(int slot) {
    return of(slot, slot);
  }

  /**
   * Parses {@code 1-3,7} style text.
   *
   * @throws InvalidValueException if the text is not such a list or a slot is out of range
   */
  public static SlotRange parse(String text) {
    if (text == null || text.length() > Names.MAX_LENGTH || !SYNTAX.matcher(text).matches()) {
      throw new InvalidValueException(
          "slot range "
              + (text == null ? "(missing)" : Names.quote(text))
              + " is not a list like 1-3,7 of slot numbers 1-"
              + MAX_SLOT);
    }
    List<int[]> l = new ArrayList<>();
    for (String part : COMMA.split(text, -1)) {
      int dash = part.indexOf('-');
      int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
      int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
      l.addAll(of(first, last).intervals);
    }
    return new SlotRange(l);
  }

  private static void check(int slot) {
    if (slot < 1 || slot > MAX_SLOT) {
      throw new InvalidValueException(
          "slot " + slot + " is out of range; Bacula slots are numbered 1-" + MAX_SLOT);
    }
  }

  /** Whether the range includes {@code slot}. */
  public boolean contains(int slot) {
    for (int[] i : intervals) {
      if (slot >= i[0] && slot <= i[1]) {
        return true;
      }
    }
    return false;
  }

  /** The text bconsole takes, e.g. {@code 1-3,7}. */
  public String toBacula() {
    StringBuilder b = new StringBuilder();
    for (int[] i : intervals) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(i[0]);
      if (i[1] != i[0]) {
        b.append('-').append(i[1]);
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlotRange r && r.toBacula().equals(toBacula());
  }

  @Override
  public int hashCode() {
    return toBacula().hashCode();
  }

  @Override
  public String toString() {
    return toBacula();
  }
}
