package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.DriveContent;
import io.tapeflow.bacula.model.LibrarySlots;
import io.tapeflow.bacula.model.SlotContent;
import io.tapeflow.bacula.model.VolStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .api 2} then {@code status slots storage=S drive=D}: pipe records built from the Changer
 * Command's {@code listall}. {@code D|drive|slot|volume}; {@code
 * S|slot|realslot|volume|bytes|status|mediatype|pool|lastwritten|expires} for storage slots and
 * {@code I|...} for import/export slots; empty slots have empty fields; a cartridge unknown to the
 * catalog has {@code ?} fields.
 */
public final class SlotStatusParser {
  private static final Pattern PIPE = Pattern.compile("\\|");

  private SlotStatusParser() {}

  public static LibrarySlots parse(BconsoleReply reply) {
    ReplyErrors.check(reply);
    List<DriveContent> drives = new ArrayList<>();
    List<SlotContent> slots = new ArrayList<>();
    for (String raw : reply.lines()) {
      String l = raw.strip();
      if (l.length() < 2 || l.charAt(1) != '|') {
        continue;
      }
      String[] f = PIPE.split(l, -1);
      try {
        switch (f[0]) {
          case "D" ->
              drives.add(
                  new DriveContent(
                      Integer.parseInt(f[1]), intOr0(field(f, 2)), emptyToNull(field(f, 3))));
          case "S", "I" -> slots.add(slot(f));
          default -> {}
        }
      } catch (RuntimeException e) {
        throw new BconsoleOutputException(
            "unexpected line in the reply to '"
                + reply.command().line()
                + "': "
                + l
                + " ("
                + e.getMessage()
                + ")");
      }
    }
    drives.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new LibrarySlots(drives, slots);
  }

  private static SlotContent slot(String[] f) {
    String volume = emptyToNull(field(f, 3));
    String status = field(f, 5);
    VolStatus vs =
        volume == null || status.isEmpty() || status.equals("?")
            ? null
            : VolStatus.fromBacula(status);
    String pool = field(f, 7);
    return new SlotContent(
        Integer.parseInt(f[1]),
        f[0].equals("I"),
        volume,
        intOr0(field(f, 2)),
        vs,
        pool.isEmpty() || pool.equals("?") ? null : pool);
  }

  private static String field(String[] f, int i) {
    return i < f.length ? f[i].strip() : "";
  }

  private static int intOr0(String s) {
    return s.isEmpty() || s.equals("?") ? 0 : Integer.parseInt(s);
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
