package io.tapeflow.bacula.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code llist} output: right-aligned {@code Key: value} lines, records separated by a blank line.
 * Also reads {@code .status ... api_opts=o} output ({@code key=value} lines) with {@link
 * #parseEquals}.
 */
public final class KeyValueRecords {
  private static final Pattern COLON = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_]*): ?(.*)$");
  private static final Pattern EQUALS = Pattern.compile("^([a-z][a-z0-9_]*)=(.*)$");

  private KeyValueRecords() {}

  /** The {@code Key: value} records in these lines; noise lines are skipped. */
  public static List<Map<String, String>> parseColon(List<String> lines) {
    return parse(lines, COLON);
  }

  /** The {@code key=value} records in these lines; other lines are skipped. */
  public static List<Map<String, String>> parseEquals(List<String> lines) {
    return parse(lines, EQUALS);
  }

  private static List<Map<String, String>> parse(List<String> lines, Pattern p) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    for (String l : lines) {
      if (l.isBlank()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new LinkedHashMap<>();
        }
        continue;
      }
      if (ReplyErrors.isNoise(l)) {
        continue;
      }
      Matcher m = p.matcher(l);
      if (m.matches()) {
        current.putIfAbsent(m.group(1), m.group(2).strip());
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
