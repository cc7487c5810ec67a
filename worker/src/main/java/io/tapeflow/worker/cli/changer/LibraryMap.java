package io.tapeflow.worker.cli.changer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an inventory: a readable library map, JSON, or one line per element. */
final class LibraryMap {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LibraryMap() {}

  /**
   * The map: drives first (each listed), then storage and I/E slots with full ones listed and runs
   * of empty ones compressed, then the transport; counts of full and empty per type.
   */
  static String text(String changer, Inventory inv) {
    StringBuilder s = new StringBuilder();
    s.append("Changer ").append(changer).append('\n');
    List<Element> drives = inv.ofType(ElementType.DRIVE);
    s.append('\n').append(heading("Drives", drives));
    for (Element d : drives) {
      s.append(String.format("  %-16s %s%n", d.location(), contents(d, inv)));
    }
    section(s, "Storage slots", inv.ofType(ElementType.STORAGE), inv);
    section(s, "I/E slots", inv.ofType(ElementType.IMPORT_EXPORT), inv);
    List<Element> transports = inv.ofType(ElementType.TRANSPORT);
    if (!transports.isEmpty()) {
      s.append('\n');
      for (Element t : transports) {
        s.append(String.format("Transport %d: %s%n", t.address(), contents(t, inv)));
      }
    }
    return s.toString();
  }

  private static void section(
      StringBuilder s, String title, List<Element> elements, Inventory inv) {
    s.append('\n').append(heading(title, elements));
    String label = elements.isEmpty() ? "" : elements.get(0).type().label();
    int i = 0;
    while (i < elements.size()) {
      Element e = elements.get(i);
      if (e.full()) {
        s.append(String.format("  %-16s %s%n", e.location(), contents(e, inv)));
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < elements.size() && !elements.get(j + 1).full()) {
        j++;
      }
      if (j == i) {
        s.append(String.format("  %-16s empty%n", e.location()));
      } else {
        s.append(
            String.format(
                "  %-16s empty (%d)%n",
                label + "s " + e.address() + "-" + elements.get(j).address(), j - i + 1));
      }
      i = j + 1;
    }
  }

  private static String heading(String title, List<Element> elements) {
    long full = elements.stream().filter(Element::full).count();
    return String.format(
        "%s: %d (%d full, %d empty)%n", title, elements.size(), full, elements.size() - full);
  }

  private static String contents(Element e, Inventory inv) {
    if (!e.full()) {
      return "empty";
    }
    String what = e.barcode() == null ? "(no barcode)" : e.barcode();
    return e.source() == null ? what : what + "  (from " + source(e.source(), inv) + ")";
  }

  /** The source element by name; slots first, since mtx's numbers overlap with drives'. */
  private static String source(int address, Inventory inv) {
    return inv.elements().stream()
        .filter(x -> x.address() == address)
        .min(
            java.util.Comparator.comparing(
                x -> x.type() == ElementType.DRIVE || x.type() == ElementType.TRANSPORT))
        .map(x -> x.location().toString())
        .orElse("element " + address);
  }

  /**
   * {@code {"elements":[{"type":…,"address":…,"full":…,"barcode":…,"source":…}]}}, in inventory
   * order.
   */
  static String json(Inventory inv) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Element e : inv.elements()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", e.type().name());
      m.put("address", e.address());
      m.put("full", e.full());
      m.put("barcode", e.barcode());
      m.put("source", e.source());
      list.add(m);
    }
    try {
      return JSON.writeValueAsString(Map.of("elements", list));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the inventory as JSON", e);
    }
  }

  /** One line per element for scripts: {@code TYPE ADDRESS full|empty BARCODE|- SOURCE|-}. */
  static String lines(Inventory inv) {
    StringBuilder s = new StringBuilder();
    for (Element e : inv.elements()) {
      s.append(e.type().name())
          .append(' ')
          .append(e.address())
          .append(' ')
          .append(e.full() ? "full" : "empty")
          .append(' ')
          .append(e.barcode() == null ? "-" : e.barcode())
          .append(' ')
          .append(e.source() == null ? "-" : e.source().toString())
          .append('\n');
    }
    return s.toString();
  }
}
