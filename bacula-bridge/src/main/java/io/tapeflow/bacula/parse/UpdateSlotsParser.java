package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.UpdateSlotsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code update slots}. A cartridge the catalog does not know ({@code Volume "X" not found in
 * catalog. Slot=N InChanger set to zero.}) and a barcode Bacula cannot use as a volume name are
 * reported, not failures. "0 slots" is a failure: the Changer Command is not working.
 */
public final class UpdateSlotsParser {
  static final Pattern HAS_SLOTS = Pattern.compile("^Device \".*\" has (\\d+) slots\\.");
  private static final Pattern UP_TO_DATE =
      Pattern.compile("^Catalog record for Volume \"([^\"]+)\" is up to date\\.");
  private static final Pattern UPDATED =
      Pattern.compile(
          "^Catalog record for Volume \"([^\"]+)\" updated to reference slot (\\d+)\\.");
  private static final Pattern NOT_FOUND =
      Pattern.compile(
          "^Volume \"([^\"]+)\" not found in catalog\\. Slot=(\\d+) InChanger set to zero\\.");
  static final Pattern SKIPPED = Pattern.compile("^(Invalid Volume name: .*|Illegal character .*)");

  private UpdateSlotsParser() {}

  public static UpdateSlotsResult parse(BconsoleReply reply) {
    int slots = -1;
    List<String> upToDate = new ArrayList<>();
    Map<String, Integer> updated = new LinkedHashMap<>();
    Map<Integer, String> unknown = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String raw : reply.lines()) {
      String l = raw.strip();
      Matcher m;
      m = Match.find(HAS_SLOTS, l);
      if (m != null) {
        slots = Integer.parseInt(m.group(1));
        continue;
      }
      m = Match.find(UP_TO_DATE, l);
      if (m != null) {
        upToDate.add(m.group(1));
        continue;
      }
      m = Match.find(UPDATED, l);
      if (m != null) {
        updated.put(m.group(1), Integer.parseInt(m.group(2)));
        continue;
      }
      m = Match.find(NOT_FOUND, l);
      if (m != null) {
        unknown.put(Integer.parseInt(m.group(2)), m.group(1));
        continue;
      }
      if (SKIPPED.matcher(l).find()) {
        skipped.add(l);
      }
    }
    for (String e : ReplyErrors.errorLines(reply)) {
      if (!SKIPPED.matcher(e).find()) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw ReplyErrors.failure(reply, errors);
    }
    if (slots <= 0) {
      throw new BconsoleCommandException(
          "update slots: the changer reported "
              + (slots < 0 ? "no slot count" : "0 slots")
              + "; the storage daemon's Changer Command is not working (not executable, or"
              + " failing): check the Changer Command in the SD configuration",
          reply.lines());
    }
    return new UpdateSlotsResult(slots, upToDate, updated, unknown, skipped);
  }
}
