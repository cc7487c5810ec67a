package io.tapeflow.workflows.common;

import java.util.regex.Pattern;

/** The AWS rule for tape barcodes: 5 to 16 characters, A-Z and 0-9. */
public final class Barcodes {
  private Barcodes() {}

  private static final Pattern BARCODE = Pattern.compile("[A-Z0-9]{5,16}");

  /** Whether the text is a valid barcode. */
  public static boolean valid(String barcode) {
    return barcode != null && BARCODE.matcher(barcode).matches();
  }

  /**
   * Returns the barcode if valid.
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String require(String barcode) {
    if (!valid(barcode)) {
      throw new IllegalArgumentException(
          "barcode "
              + (barcode == null ? "is missing" : "'" + barcode + "' is invalid")
              + ": a tape barcode is 5 to 16 characters A-Z and 0-9 (AWS rule)");
    }
    return barcode;
  }
}
