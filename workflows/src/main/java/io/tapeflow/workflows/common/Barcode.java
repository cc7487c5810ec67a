package io.tapeflow.workflows.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A tape barcode that follows the AWS rule (5 to 16 characters, A-Z and 0-9), checked once when it
 * is made. It is also the tape's Bacula volume name. In payloads it is a plain JSON string, so
 * histories written when barcodes were Strings read back unchanged.
 *
 * @param value the barcode's text
 */
public record Barcode(@JsonValue String value) {

  public Barcode {
    Barcodes.require(value);
  }

  /**
   * A validated barcode.
   *
   * @throws IllegalArgumentException naming the value and the rule it breaks
   */
  @JsonCreator
  public static Barcode of(String value) {
    return new Barcode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
