package io.tapeflow.worker.cli.tapes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tapeflow.workflows.lifecycle.Hold;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.Transition;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tapes as text for people and as JSON for programs; pure functions of the rows. */
final class TapeViews {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** How many of a tape's transitions {@code tapes show} prints. */
  static final int SHOWN_TRANSITIONS = 10;

  private TapeViews() {}

  static String json(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"tapes":[{"barcode","state","location","pool","gateway","volStatus","since"}]}}. */
  static String listJson(List<TapeRow> rows) {
    List<Map<String, Object>> tapes = new ArrayList<>();
    rows.forEach(r -> tapes.add(row(r)));
    return json(Map.of("tapes", tapes));
  }

  private static Map<String, Object> row(TapeRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("barcode", r.barcode());
    m.put("state", r.state().name());
    m.put("location", r.location());
    m.put("pool", r.pool());
    m.put("gateway", r.gateway());
    m.put("volStatus", r.volStatus());
    m.put("since", text(r.since()));
    return m;
  }

  /** A table, one tape a line, or a line saying there is none. */
  static String listText(List<TapeRow> rows) {
    if (rows.isEmpty()) {
      return "no tapes\n";
    }
    String f = "%-16s %-16s %-14s %-12s %-10s %-10s %s%n";
    StringBuilder s =
        new StringBuilder(
            String.format(
                f, "BARCODE", "STATE", "LOCATION", "POOL", "GATEWAY", "VOLSTATUS", "SINCE"));
    for (TapeRow r : rows) {
      s.append(
          String.format(
              f,
              r.barcode(),
              r.state(),
              r.location(),
              dash(r.pool()),
              dash(r.gateway()),
              dash(r.volStatus()),
              text(r.since())));
    }
    return s.toString();
  }

  /** The row's fields, then waitingFor, failure, readOnly, holds and the last transitions. */
  static String showJson(TapeRow r) {
    Map<String, Object> m = row(r);
    TapeRecord rec = r.snapshot().record();
    m.put("readOnly", rec.readOnly());
    m.put("waitingFor", r.snapshot().waitingFor());
    m.put("failure", r.snapshot().failure());
    m.put("storageClass", rec.storageClass());
    List<Map<String, Object>> holds = new ArrayList<>();
    for (Hold h : rec.holds()) {
      Map<String, Object> hm = new LinkedHashMap<>();
      hm.put("requestId", h.requestId());
      hm.put("until", text(h.until()));
      holds.add(hm);
    }
    m.put("holds", holds);
    List<Map<String, Object>> ts = new ArrayList<>();
    for (Transition t : last(rec)) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("seq", t.seq());
      tm.put("from", t.from().name());
      tm.put("to", t.to().name());
      tm.put("at", text(t.at()));
      tm.put("reason", t.reason());
      tm.put("requestId", t.requestId());
      ts.add(tm);
    }
    m.put("transitions", ts);
    return json(m);
  }

  static String showText(TapeRow r) {
    TapeRecord rec = r.snapshot().record();
    StringBuilder s = new StringBuilder();
    s.append(r.barcode())
        .append(": ")
        .append(r.state())
        .append(" since ")
        .append(text(r.since()))
        .append(rec.readOnly() ? " (read-only copy)" : "")
        .append('\n');
    s.append("  location:    ").append(r.location()).append('\n');
    s.append("  gateway:     ").append(dash(r.gateway())).append('\n');
    s.append("  pool:        ").append(dash(r.pool())).append('\n');
    s.append("  volStatus:   ").append(dash(r.volStatus())).append('\n');
    s.append("  waiting for: ").append(r.snapshot().waitingFor()).append('\n');
    if (r.snapshot().failure() != null) {
      s.append("  failure:     ").append(r.snapshot().failure()).append('\n');
    }
    for (Hold h : rec.holds()) {
      s.append("  held by:     ")
          .append(h.requestId())
          .append(h.until() == null ? "" : " until " + h.until())
          .append('\n');
    }
    List<Transition> ts = last(rec);
    s.append(ts.isEmpty() ? "  no transitions yet\n" : "  last transitions:\n");
    for (Transition t : ts) {
      s.append("    ")
          .append(t.at())
          .append("  ")
          .append(t.from())
          .append(" -> ")
          .append(t.to())
          .append(": ")
          .append(t.reason())
          .append(t.requestId() == null ? "" : " [" + t.requestId() + "]")
          .append('\n');
    }
    return s.toString();
  }

  private static List<Transition> last(TapeRecord rec) {
    List<Transition> all = rec.recent();
    return all.subList(Math.max(0, all.size() - SHOWN_TRANSITIONS), all.size());
  }

  static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  static String dash(String v) {
    return v == null ? "-" : v;
  }
}
