package io.tapeflow.changer;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of a library as the last inventory saw it.
 *
 * @param type what kind of element
 * @param address the element address (16-bit; with the {@code mtx} transport, mtx's own number)
 * @param full whether it holds a cartridge
 * @param barcode the cartridge's volume tag, or null when empty or unlabelled
 * @param source the element the cartridge came from, or null when the device does not say
 */
public record Element(ElementType type, int address, boolean full, String barcode, Integer source) {

  public Element {
    Objects.requireNonNull(type, "type");
    if (address < 0 || address > 0xFFFF) {
      throw new IllegalArgumentException("element address out of range: " + address);
    }
    if (!full && barcode != null) {
      throw new IllegalArgumentException("empty element " + address + " with barcode " + barcode);
    }
  }

  /** This element's type and address. */
  public ElementAddress location() {
    return new ElementAddress(type, address);
  }

  /** For messages: {@code slot 20005 (TAP0002AB)}, {@code drive 10000 (empty)}. */
  public String describe() {
    return location()
        + (full ? " (" + (barcode == null ? "unlabelled cartridge" : barcode) + ")" : " (empty)");
  }

  /** The barcode, if the element holds a labelled cartridge. */
  public Optional<String> barcodeIfAny() {
    return Optional.ofNullable(barcode);
  }

  /** The source element, if known. */
  public Optional<Integer> sourceIfAny() {
    return Optional.ofNullable(source);
  }
}
