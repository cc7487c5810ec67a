package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.console.BconsoleReply;
import java.util.List;

/**
 * {@code update volume=V ...}: one {@code New ... is: X} line per changed field; errors ({@code
 * Invalid VolStatus specified}, {@code Media record for Volume name "X" not found}) come with exit
 * code 0 like everything else.
 */
public final class UpdateVolumeParser {
  private UpdateVolumeParser() {}

  /** The confirmation lines, after checking the update was accepted. */
  public static List<String> parse(BconsoleReply reply, int expectedChanges) {
    ReplyErrors.check(reply);
    List<String> confirmations =
        reply.lines().stream().map(String::strip).filter(l -> l.startsWith("New ")).toList();
    if (confirmations.size() < expectedChanges) {
      throw new BconsoleCommandException(
          "'"
              + reply.command().line()
              + "' confirmed "
              + confirmations.size()
              + " of "
              + expectedChanges
              + " changes: "
              + String.join(" | ", reply.lines()),
          reply.lines());
    }
    return confirmations;
  }
}
