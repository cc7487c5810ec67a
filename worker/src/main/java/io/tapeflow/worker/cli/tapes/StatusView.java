package io.tapeflow.worker.cli.tapes;

import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code tapeflow status} from the tapes alone: the library map (drives, slots, I/E slots) is where
 * the tapes' workflows say they are, so an element holding no tapeflow tape is not shown; the shelf
 * is counted per AWS pool; operations in flight are the tapes in a moving state, with elapsed time
 * and, for retrievals, an ETA from the typical retrieval time.
 */
final class StatusView {
  static final Set<TapeState> MOVING =
      EnumSet.of(
          TapeState.REQUESTED,
          TapeState.CREATING,
          TapeState.IMPORTING,
          TapeState.LABELING,
          TapeState.EJECTING,
          TapeState.IN_TRANSIT,
          TapeState.RETRIEVING,
          TapeState.EXPIRING);

  private StatusView() {}

  /** The status as a JSON tree: {@code library}, {@code shelf}, {@code inFlight}. */
  static Map<String, Object> tree(List<TapeRow> rows, Instant now) {
    Map<String, Map<String, List<Map<String, Object>>>> library = new TreeMap<>();
    Map<String, Integer> shelf = new TreeMap<>();
    List<Map<String, Object>> inFlight = new ArrayList<>();
    for (TapeRow r : rows) {
      Location l = r.snapshot().record().location();
      String kind =
          switch (l.kind()) {
            case DRIVE -> "drives";
            case SLOT -> "slots";
            case IE_SLOT -> "ieSlots";
            default -> null;
          };
      if (kind != null) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("element", l.address());
        e.put("barcode", r.barcode());
        e.put("state", r.state().name());
        library.computeIfAbsent(String.valueOf(r.gateway()), g -> newLibrary()).get(kind).add(e);
      }
      if (l.kind() == Location.Kind.SHELF) {
        shelf.merge(String.valueOf(r.pool()), 1, Integer::sum);
      }
      if (MOVING.contains(r.state())) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("barcode", r.barcode());
        op.put("state", r.state().name());
        op.put("since", TapeViews.text(r.since()));
        op.put("elapsedSeconds", Duration.between(r.since(), now).toSeconds());
        Instant eta = eta(r);
        op.put("etaSeconds", eta == null ? null : Duration.between(now, eta).toSeconds());
        inFlight.add(op);
      }
    }
    library.values().forEach(m -> m.values().forEach(l -> l.sort(StatusView::byElement)));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("library", library);
    tree.put("shelf", shelf);
    tree.put("inFlight", inFlight);
    return tree;
  }

  private static int byElement(Map<String, Object> a, Map<String, Object> b) {
    return Integer.compare((Integer) a.get("element"), (Integer) b.get("element"));
  }

  private static Map<String, List<Map<String, Object>>> newLibrary() {
    Map<String, List<Map<String, Object>>> m = new LinkedHashMap<>();
    m.put("drives", new ArrayList<>());
    m.put("slots", new ArrayList<>());
    m.put("ieSlots", new ArrayList<>());
    return m;
  }

  /** The expected end of a retrieval; null for other operations (no typical time known). */
  static Instant eta(TapeRow r) {
    if (r.state() != TapeState.RETRIEVING) {
      return null;
    }
    return r.since().plus(TypicalTimes.retrieval(r.snapshot().record().storageClass(), r.pool()));
  }

  @SuppressWarnings("unchecked")
  static String text(List<TapeRow> rows, Instant now) {
    Map<String, Object> tree = tree(rows, now);
    StringBuilder s = new StringBuilder();
    var library = (Map<String, Map<String, List<Map<String, Object>>>>) tree.get("library");
    s.append(library.isEmpty() ? "library: no tapes in the libraries\n" : "");
    library.forEach(
        (g, kinds) -> {
          s.append("library ").append(g).append('\n');
          kinds.forEach(
              (kind, elems) -> {
                s.append(String.format("  %-8s", kind + ":"));
                if (elems.isEmpty()) {
                  s.append(" -");
                }
                elems.forEach(
                    e ->
                        s.append(' ')
                            .append(e.get("element"))
                            .append('=')
                            .append(e.get("barcode")));
                s.append('\n');
              });
        });
    var shelf = (Map<String, Integer>) tree.get("shelf");
    s.append("shelf:").append(shelf.isEmpty() ? " empty" : "").append('\n');
    shelf.forEach((p, n) -> s.append("  ").append(p).append(": ").append(n).append(" tapes\n"));
    var ops = (List<Map<String, Object>>) tree.get("inFlight");
    s.append("in flight:").append(ops.isEmpty() ? " nothing" : "").append('\n');
    for (Map<String, Object> op : ops) {
      Object eta = op.get("etaSeconds");
      s.append("  ")
          .append(op.get("barcode"))
          .append(' ')
          .append(op.get("state"))
          .append("  elapsed ")
          .append(Progress.clock(Duration.ofSeconds((Long) op.get("elapsedSeconds"))))
          .append(
              eta == null
                  ? ""
                  : (Long) eta < 0
                      ? "  ETA overdue"
                      : "  ETA " + Progress.clock(Duration.ofSeconds((Long) eta)))
          .append('\n');
    }
    return s.toString();
  }
}
