package io.tapeflow.changer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every element of a library at one moment, ordered by type (transport, drives, storage,
 * import/export) and address.
 */
public record Inventory(List<Element> elements) {

  private static final Comparator<Element> ORDER =
      Comparator.comparingInt((Element e) -> order(e.type())).thenComparingInt(Element::address);

  /** An immutable copy of {@code elements} in inventory order (sorted only if they are not). */
  public Inventory {
    elements = ordered(elements) ? List.copyOf(elements) : elements.stream().sorted(ORDER).toList();
  }

  /** One pass, no allocation: a changer reads its elements in inventory order already. */
  private static boolean ordered(List<Element> elements) {
    long previous = -1;
    for (int i = 0, n = elements.size(); i < n; i++) {
      Element e = elements.get(i);
      long key = ((long) order(e.type()) << 32) | e.address();
      if (key < previous) {
        return false;
      }
      previous = key;
    }
    return true;
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

  /**
   * The element at an address. With the {@code mtx} transport a number can name a drive and a slot;
   * use {@link #at(ElementAddress)} or {@link #resolve(int)} there.
   */
  public Optional<Element> at(int address) {
    return elements.stream().filter(e -> e.address() == address).findFirst();
  }

  /** The element of this type at this address. */
  public Optional<Element> at(ElementAddress location) {
    return elements.stream()
        .filter(e -> e.type() == location.type() && e.address() == location.address())
        .findFirst();
  }

  /**
   * The element an address names.
   *
   * @throws UnknownAddressException when no element has it, or when several do (drive and slot
   *     numbers overlap with the {@code mtx} transport)
   */
  public Element resolve(int address) {
    List<Element> matches = elements.stream().filter(e -> e.address() == address).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new UnknownAddressException(
          "element address "
              + address
              + " is not in this library ("
              + ranges()
              + "); nothing was moved: run `tapeflow changer status` to see the addresses");
    }
    throw new UnknownAddressException(
        "element number "
            + address
            + " names "
            + matches.stream()
                .map(e -> e.location().toString())
                .collect(Collectors.joining(" and "))
            + "; nothing was moved: say which one, e.g. drive:"
            + address
            + " or slot:"
            + address);
  }

  /**
   * The element at a typed address.
   *
   * @throws UnknownAddressException when the library has no such element
   */
  public Element resolve(ElementAddress location) {
    return at(location)
        .orElseThrow(
            () ->
                new UnknownAddressException(
                    location
                        + " is not in this library ("
                        + ranges()
                        + "); nothing was moved: run `tapeflow changer status` to see the"
                        + " addresses"));
  }

  /** The element holding the cartridge with this barcode. */
  public Optional<Element> locate(String barcode) {
    return elements.stream().filter(e -> e.full() && barcode.equals(e.barcode())).findFirst();
  }

  /** The lowest-addressed empty element of a type. */
  public Optional<Element> firstEmpty(ElementType type) {
    return elements.stream().filter(e -> e.type() == type && !e.full()).findFirst();
  }

  /** The address ranges per type, for messages: {@code drives 10000-10009, slots 20000-21599}. */
  public String ranges() {
    StringBuilder s = new StringBuilder();
    for (ElementType t :
        List.of(
            ElementType.TRANSPORT,
            ElementType.DRIVE,
            ElementType.STORAGE,
            ElementType.IMPORT_EXPORT)) {
      List<Element> of = ofType(t);
      if (of.isEmpty()) {
        continue;
      }
      if (s.length() > 0) {
        s.append(", ");
      }
      int lo = of.get(0).address();
      int hi = of.get(of.size() - 1).address();
      s.append(t.label()).append(of.size() == 1 ? " " : "s ").append(lo);
      if (hi != lo) {
        s.append('-').append(hi);
      }
    }
    return s.length() == 0 ? "no elements" : s.toString();
  }
}
