package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.JobId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code run ... yes} and {@code restore ... yes}: {@code Job queued. JobId=N}. */
public final class JobQueuedParser {
  private static final Pattern QUEUED = Pattern.compile("Job queued\\. JobId=(\\d+)");

  private JobQueuedParser() {}

  public static JobId parse(BconsoleReply reply) {
    for (String l : reply.lines()) {
      Matcher m = QUEUED.matcher(l);
      if (m.find()) {
        return JobId.parse(m.group(1));
      }
    }
    ReplyErrors.check(reply);
    throw new BconsoleCommandException(
        "'"
            + reply.command().line()
            + "' did not queue a job; the Director said: "
            + String.join(
                " | ", reply.lines().stream().filter(l -> !ReplyErrors.isNoise(l)).toList()),
        reply.lines());
  }
}
