package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Device status" part of {@code status storage=S}: one block per device, from {@code Device
 * <type>: "Name" (path) <state>} to the {@code ==} line, with the slot lines {@code Slot N was last
 * loaded in drive D.}, {@code Slot N is loaded in drive D.}, {@code Drive D is not loaded.} and the
 * {@code Volume:} of a mounted device.
 */
public final class StorageStatusParser {
  private static final Pattern DEVICE =
      Pattern.compile("^Device \\S+: \"([^\"]+)\" \\(([^)]*)\\) (.*)$");
  private static final Pattern LAST_LOADED =
      Pattern.compile("^Slot (\\d+) was last loaded in drive (\\d+)\\.");
  private static final Pattern LOADED =
      Pattern.compile("^Slot (\\d+) is loaded in drive (\\d+)\\.");
  private static final Pattern VOLUME = Pattern.compile("^Volume:\\s+(\\S+)");

  private StorageStatusParser() {}

  public static List<DeviceStatus> devices(BconsoleReply reply) {
    ReplyErrors.check(reply);
    List<DeviceStatus> out = new ArrayList<>();
    List<String> lines = reply.lines();
    for (int i = 0; i < lines.size(); i++) {
      Matcher d = DEVICE.matcher(lines.get(i).strip());
      if (!d.matches()) {
        continue;
      }
      String volume = null;
      OptionalInt slot = OptionalInt.empty();
      boolean loaded = false;
      String state = d.group(3).strip();
      int k = i + 1;
      for (; k < lines.size(); k++) {
        String l = lines.get(k).strip();
        if (l.equals("==") || l.equals("====") || DEVICE.matcher(l).matches()) {
          break;
        }
        if (l.startsWith("Device is BLOCKED")) {
          state = state + " " + l;
          continue;
        }
        Matcher m;
        m = Match.find(LOADED, l);
        if (m != null) {
          slot = OptionalInt.of(Integer.parseInt(m.group(1)));
          loaded = true;
          continue;
        }
        m = Match.find(LAST_LOADED, l);
        if (m != null) {
          slot = OptionalInt.of(Integer.parseInt(m.group(1)));
          loaded = true;
          continue;
        }
        m = Match.find(VOLUME, l);
        if (m != null) {
          volume = m.group(1);
        }
      }
      out.add(new DeviceStatus(d.group(1), d.group(2), state, volume, slot, loaded));
      i = k - 1;
    }
    return out;
  }
}
