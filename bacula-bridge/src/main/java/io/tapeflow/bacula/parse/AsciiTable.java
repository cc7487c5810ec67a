package io.tapeflow.bacula.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code +----+} bordered table of bconsole's {@code list} output: the header cells and the
 * rows as header-keyed maps. {@link #parseAll} finds every table in a reply, with the line just
 * above it (the {@code Pool: X} title of {@code list volumes}).
 *
 * @param title the non-table line right before the table, or null
 * @param headers the column names, left to right
 * @param rows one map per row, from column name to the trimmed cell text
 */
public record AsciiTable(String title, List<String> headers, List<Map<String, String>> rows) {
  private static final Pattern BORDER = Pattern.compile("^\\+[-+]+\\+$");
  private static final Pattern BAR = Pattern.compile("\\|");

  public AsciiTable {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }

  /** Every table in these lines, in order. Lines outside tables are skipped. */
  public static List<AsciiTable> parseAll(List<String> lines) {
    List<AsciiTable> tables = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String l = lines.get(i).strip();
      if (!BORDER.matcher(l).matches()
          || i + 2 >= lines.size()
          || !isRow(lines.get(i + 1))
          || !BORDER.matcher(lines.get(i + 2).strip()).matches()) {
        i++;
        continue;
      }
      String title = null;
      for (int k = i - 1; k >= 0; k--) {
        String t = lines.get(k).strip();
        if (!t.isEmpty()) {
          title = isRow(t) || BORDER.matcher(t).matches() ? null : t;
          break;
        }
      }
      List<String> headers = cells(lines.get(i + 1));
      List<Map<String, String>> rows = new ArrayList<>();
      int k = i + 3;
      while (k < lines.size()) {
        String r = lines.get(k).strip();
        if (isRow(r)) {
          List<String> c = cells(r);
          if (c.size() == headers.size()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int h = 0; h < headers.size(); h++) {
              row.put(headers.get(h), c.get(h));
            }
            rows.add(row);
          }
          k++;
        } else if (BORDER.matcher(r).matches()) {
          // a closing border, or a separator between rows (status slots draws those)
          k++;
          if (k >= lines.size() || !isRow(lines.get(k))) {
            break;
          }
          if (k + 1 < lines.size()
              && BORDER.matcher(lines.get(k + 1).strip()).matches()
              && cells(lines.get(k)).equals(headers)) {
            break;
          }
        } else {
          break;
        }
      }
      tables.add(new AsciiTable(title, headers, rows));
      i = k;
    }
    return tables;
  }

  private static boolean isRow(String line) {
    String s = line.strip();
    return s.length() >= 2 && s.charAt(0) == '|' && s.charAt(s.length() - 1) == '|';
  }

  private static List<String> cells(String line) {
    String s = line.strip();
    String[] parts = BAR.split(s.substring(1, s.length() - 1), -1);
    List<String> out = new ArrayList<>(parts.length);
    for (String p : parts) {
      out.add(p.strip());
    }
    return out;
  }
}
