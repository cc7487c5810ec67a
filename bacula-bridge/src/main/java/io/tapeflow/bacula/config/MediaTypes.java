package io.tapeflow.bacula.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bacula's Media Type from a drive's INQUIRY product identification. */
public final class MediaTypes {
  /** IBM's {@code ULT3580-TD5}, HP's {@code Ultrium 5-SCSI}, {@code ULTRIUM-TD5}, … */
  private static final Pattern LTO =
      Pattern.compile("(?:ULT3580-(?:HH|TD)|ULTRIUM[- ]?(?:HH|TD)?)([0-9])");

  private MediaTypes() {}

  /**
   * {@code LTO-N} for an LTO drive's product, else the product with characters other than letters,
   * digits, {@code _ . -} replaced by {@code -}.
   */
  public static String fromProduct(String product) {
    String p = product == null ? "" : product.strip();
    Matcher m = LTO.matcher(p.toUpperCase(Locale.ROOT));
    if (m.find()) {
      return "LTO-" + m.group(1);
    }
    String s = p.replaceAll("[^A-Za-z0-9_.-]+", "-");
    if (s.isEmpty() || s.equals("-")) {
      throw new IllegalArgumentException(
          "no Media Type can be made from product '" + product + "'");
    }
    return s;
  }
}
