package io.tapeflow.changer;

import java.util.Objects;

/**
 * An element named by its type and address. SMC addresses are unique in a library, so the type only
 * guards against a mistake there; with the {@code mtx} transport, whose drive numbers (0..D-1) and
 * slot numbers (1..S+I) overlap, the type is what tells them apart.
 *
 * @param type the element type
 * @param address the element address (16-bit; with {@code mtx}, mtx's own number)
 */
public record ElementAddress(ElementType type, int address) {

  public ElementAddress {
    Objects.requireNonNull(type, "type");
    if (address < 0 || address > 0xFFFF) {
      throw new IllegalArgumentException("element address out of range 0..65535: " + address);
    }
  }

  public static ElementAddress drive(int address) {
    return new ElementAddress(ElementType.DRIVE, address);
  }

  public static ElementAddress storage(int address) {
    return new ElementAddress(ElementType.STORAGE, address);
  }

  public static ElementAddress importExport(int address) {
    return new ElementAddress(ElementType.IMPORT_EXPORT, address);
  }

  public static ElementAddress transport(int address) {
    return new ElementAddress(ElementType.TRANSPORT, address);
  }

  /** For messages: {@code slot 20005}, {@code drive 10000}, {@code I/E slot 30000}. */
  @Override
  public String toString() {
    return type.label() + " " + address;
  }
}
