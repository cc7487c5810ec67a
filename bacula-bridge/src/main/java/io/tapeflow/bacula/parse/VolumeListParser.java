package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.Volume;
import io.tapeflow.bacula.model.VolumeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code list volumes [pool=P]} and {@code list volume=V}: one table per pool, each after a {@code
 * Pool: X} line when no pool was given; {@code No results to list.} for an empty pool.
 */
public final class VolumeListParser {
  private VolumeListParser() {}

  /**
   * The volumes listed.
   *
   * @param poolOfCommand the {@code pool=} the command gave, used when the listing has no {@code
   *     Pool:} titles; may be null
   */
  public static List<Volume> parse(BconsoleReply reply, String poolOfCommand) {
    ReplyErrors.check(reply);
    List<Volume> out = new ArrayList<>();
    for (AsciiTable t : AsciiTable.parseAll(reply.lines())) {
      if (!t.headers().contains("VolumeName")) {
        continue;
      }
      String pool = poolOfCommand;
      if (t.title() != null && t.title().startsWith("Pool: ")) {
        pool = t.title().substring("Pool: ".length()).strip();
      }
      for (Map<String, String> r : t.rows()) {
        out.add(volume(r, pool, reply));
      }
    }
    return out;
  }

  private static Volume volume(Map<String, String> r, String pool, BconsoleReply reply) {
    try {
      return new Volume(
          num(r, "MediaId"),
          VolumeName.of(r.get("VolumeName")),
          VolStatus.fromBacula(r.get("VolStatus")),
          (int) num(r, "Enabled"),
          num(r, "VolBytes"),
          (int) num(r, "Slot"),
          num(r, "InChanger") != 0,
          r.getOrDefault("MediaType", ""),
          pool,
          r.getOrDefault("LastWritten", null),
          num(r, "ExpiresIn"));
    } catch (IllegalArgumentException e) {
      throw new BconsoleOutputException(
          "unexpected row in the reply to '"
              + reply.command().line()
              + "': "
              + r
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  static long num(Map<String, String> r, String key) {
    String v = r.get(key);
    if (v == null || v.isEmpty() || v.equals("NULL")) {
      return 0;
    }
    return Long.parseLong(v.replace(",", ""));
  }
}
