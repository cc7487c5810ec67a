package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.console.BconsoleReply;
import java.util.List;

/**
 * {@code mount}, {@code unmount}, {@code release}. The storage daemon prints {@code 3002 Device ...
 * is mounted.} even after the changer's {@code load} failed, so success is judged by the absence of
 * 39xx errors, never by the 3002 line. {@code 3001 OK mount requested. Specified slot ignored.} is
 * normal when a job waits on the drive (the job loads the slot from the catalog); {@code 3921 ...
 * already released.} is informational.
 */
public final class DeviceCommandParser {
  private DeviceCommandParser() {}

  /** The storage daemon's answer lines (3xxx codes), after checking none of them is a failure. */
  public static List<String> parse(BconsoleReply reply) {
    ReplyErrors.check(reply);
    List<String> answers =
        reply.lines().stream().map(String::strip).filter(l -> l.matches("^3\\d\\d\\d .*")).toList();
    if (answers.isEmpty()) {
      throw new BconsoleCommandException(
          "'"
              + reply.command().line()
              + "' got no answer from the storage daemon: "
              + String.join(" | ", reply.lines()),
          reply.lines());
    }
    return answers;
  }
}
