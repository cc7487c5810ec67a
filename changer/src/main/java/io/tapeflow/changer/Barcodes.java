package io.tapeflow.changer;

import java.util.regex.Pattern;

/**
 * What the changer module accepts as a barcode: 1 to 32 characters (the size of a volume tag's
 * identifier) of upper-case letters, digits and {@code - _ .}. The AWS rules (shorter, stricter)
 * are checked where tapes are created.
 */
public final class Barcodes {
  private static final Pattern VALID = Pattern.compile("[A-Z0-9._-]{1,32}");

  private Barcodes() {}

  /** True when {@code barcode} is acceptable. */
  public static boolean isValid(String barcode) {
    return barcode != null && VALID.matcher(barcode).matches();
  }

  /**
   * Returns {@code barcode} when acceptable.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static String requireValid(String barcode) {
    if (!isValid(barcode)) {
      throw new IllegalArgumentException(
          "invalid barcode '"
              + (barcode == null ? "" : barcode.replaceAll("\\p{Cntrl}", "?"))
              + "': a barcode is 1 to 32 characters of A-Z, 0-9, '-', '_' and '.'");
    }
    return barcode;
  }
}
