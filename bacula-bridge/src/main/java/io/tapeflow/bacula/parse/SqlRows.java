package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.console.BconsoleReply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .sql query="..."}: every field is followed by a TAB and rows are not separated at all, so
 * rows are cut by the known column count. A bad query prints nothing, which is indistinguishable
 * from no rows: callers keep their queries fixed and tested.
 */
public final class SqlRows {
  private static final Pattern TAB = Pattern.compile("\t");

  private SqlRows() {}

  public static List<List<String>> parse(BconsoleReply reply, int columns) {
    List<String> errors = ReplyErrors.errorLines(reply);
    if (!errors.isEmpty()) {
      throw new BconsoleCommandException("query failed: " + String.join(" | ", errors), errors);
    }
    StringBuilder data = new StringBuilder();
    for (String l : reply.lines()) {
      if (ReplyErrors.isNoise(l) && !l.contains("\t")) {
        continue;
      }
      data.append(l);
    }
    // "You have messages." can be printed right after the last row, with no line break between
    int tail = data.lastIndexOf("\t");
    if (tail >= 0 && data.substring(tail + 1).strip().equals("You have messages.")) {
      data.setLength(tail + 1);
    }
    if (data.length() == 0) {
      return List.of();
    }
    String[] fields = TAB.split(data, -1);
    // the text ends with a TAB, so the last element is empty
    int n = fields.length - 1;
    if (!fields[n].isEmpty() || n % columns != 0) {
      throw new BconsoleOutputException(
          "the reply to '"
              + reply.command().line()
              + "' has "
              + n
              + " fields, not a multiple of "
              + columns
              + " columns");
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i += columns) {
      rows.add(List.copyOf(Arrays.asList(fields).subList(i, i + columns)));
    }
    return rows;
  }
}
