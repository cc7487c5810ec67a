package io.tapeflow.changer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every element of a library at one moment, ordered by type (transport, drives, storage,
 * import/export) and address.
 */
public record Inventory(List<Element> elements) {

  public Inventory {
    elements =
        elements.stream()
            .sorted(
                Comparator.comparingInt((Element e) -> order(e.type()))
                    .thenComparingInt(Element::address))
            .toList();
  }

  private static int order(ElementType t) {
    return switch (t) {
      case TRANSPORT -> 0;
      case DRIVE -> 1;
      case STORAGE -> 2;
      case IMPORT_EXPORT -> 3;
    };
  }

  /** The elements of one type, by address. */
  public List<Element> ofType(ElementType type) {
    return elements.stream().filter(e -> e.type() == type).toList();
  }

  /** The element at an address. */
  public Optional<Element> at(int address) {
    return elements.stream().filter(e -> e.address() == address).findFirst();
  }

  /** The element holding the cartridge with this barcode. */
  public Optional<Element> locate(String barcode) {
    return elements.stream().filter(e -> e.full() && barcode.equals(e.barcode())).findFirst();
  }

  /** The lowest-addressed empty element of a type. */
  public Optional<Element> firstEmpty(ElementType type) {
    return elements.stream().filter(e -> e.type() == type && !e.full()).findFirst();
  }
}
