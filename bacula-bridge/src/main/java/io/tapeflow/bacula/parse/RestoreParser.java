package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.RestoreRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code restore jobid=N ... yes}: the "Job will require the following (*=>InChanger)" table, then
 * {@code Job queued. JobId=N}.
 */
public final class RestoreParser {
  private static final Pattern VOLUME_ROW =
      Pattern.compile("^(\\*?)([A-Za-z0-9:._-]+)\\s+\\S+\\s+\\S+$");

  private RestoreParser() {}

  public static RestoreRequirement parse(BconsoleReply reply) {
    JobId job = JobQueuedParser.parse(reply);
    Map<String, Boolean> volumes = new LinkedHashMap<>();
    List<String> lines = reply.lines();
    boolean inTable = false;
    for (String raw : lines) {
      String l = raw.strip();
      if (l.startsWith("The Job will require the following")) {
        inTable = true;
        continue;
      }
      if (!inTable) {
        continue;
      }
      if (l.startsWith("Volumes marked with")) {
        break;
      }
      if (l.isEmpty() || l.startsWith("Volume(s)") || l.startsWith("====")) {
        continue;
      }
      Matcher m = VOLUME_ROW.matcher(l);
      if (m.matches()) {
        volumes.put(m.group(2), !m.group(1).isEmpty());
      }
    }
    return new RestoreRequirement(job, volumes);
  }
}
