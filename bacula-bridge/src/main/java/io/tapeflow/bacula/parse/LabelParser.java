package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.LabelResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code label barcodes} and {@code label volume=}: the offered table ({@code Slot Volume}), then
 * per volume {@code Catalog record for Volume "X", Slot N successfully created.}, {@code Media
 * record for Slot N Volume "X" already exists.} or a failure ({@code Label command failed for
 * Volume X.}, a 399x changer error naming it).
 */
public final class LabelParser {
  private static final Pattern OFFERED = Pattern.compile("^\\s*(\\d+)\\s+(\\S+)\\s*$");
  private static final Pattern CREATED =
      Pattern.compile(
          "^Catalog record for Volume \"([^\"]+)\", Slot (\\d+)\\s+successfully created\\.");
  private static final Pattern EXISTS =
      Pattern.compile("^Media record for Slot (\\d+) Volume \"([^\"]+)\" already exists\\.");
  private static final Pattern SENDING =
      Pattern.compile("^Sending label command for Volume \"([^\"]+)\" Slot (\\d+) \\.\\.\\.");
  private static final Pattern FAILED =
      Pattern.compile("^Label command failed for Volume (\\S+?)\\.?$");

  private LabelParser() {}

  public static LabelResult parse(BconsoleReply reply) {
    Map<Integer, String> offered = new LinkedHashMap<>();
    Map<String, Integer> labelled = new LinkedHashMap<>();
    List<String> exists = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    boolean inTable = false;
    String current = null;
    List<String> lines = reply.lines();
    for (String raw : lines) {
      String l = raw.strip();
      Matcher m;
      if (l.startsWith("The following Volumes will be labeled:")) {
        inTable = true;
        continue;
      }
      if (inTable) {
        if (l.startsWith("Slot") || l.startsWith("====")) {
          continue;
        }
        m = Match.find(OFFERED, raw);
        if (m != null) {
          offered.put(Integer.parseInt(m.group(1)), m.group(2));
          continue;
        }
        inTable = false;
      }
      m = Match.find(SENDING, l);
      if (m != null) {
        current = m.group(1);
        continue;
      }
      m = Match.find(CREATED, l);
      if (m != null) {
        labelled.put(m.group(1), Integer.parseInt(m.group(2)));
        current = null;
        continue;
      }
      m = Match.find(EXISTS, l);
      if (m != null) {
        exists.add(m.group(2));
        continue;
      }
      m = Match.find(FAILED, l);
      if (m != null) {
        failed.put(m.group(1), l);
        current = null;
        continue;
      }
      if (UpdateSlotsParser.SKIPPED.matcher(l).find()) {
        skipped.add(l);
        continue;
      }
      if (current != null && isFailure(l)) {
        failed.merge(current, l, (a, b) -> a + " | " + b);
      }
    }
    return new LabelResult(offered, labelled, exists, failed, skipped);
  }

  private static boolean isFailure(String l) {
    return (l.matches("^39\\d\\d .*") && !l.contains("already released"))
        || l.startsWith("Volume label failed")
        || l.startsWith("Results=")
        || l.contains("ERR=");
  }
}
