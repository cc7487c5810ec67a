package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobMedia;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.JobStatus;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code llist volume=}, {@code llist jobid=} and {@code list jobmedia} replies. */
public final class RecordParsers {
  private RecordParsers() {}

  /** The volume {@code llist volume=V} printed, or empty when the catalog has none. */
  public static Optional<VolumeRecord> volume(BconsoleReply reply) {
    ReplyErrors.check(reply);
    for (Map<String, String> r : KeyValueRecords.parseColon(reply.lines())) {
      if (r.containsKey("VolumeName") && r.containsKey("MediaId")) {
        return Optional.of(new VolumeRecord(r));
      }
    }
    return Optional.empty();
  }

  /** The job {@code llist jobid=N} printed, or empty when the catalog has none. */
  public static Optional<JobRecord> job(BconsoleReply reply) {
    ReplyErrors.check(reply);
    for (Map<String, String> r : KeyValueRecords.parseColon(reply.lines())) {
      if (r.containsKey("JobId") && r.containsKey("JobStatus")) {
        try {
          return Optional.of(
              new JobRecord(
                  JobId.parse(r.get("JobId")),
                  r.getOrDefault("Name", ""),
                  r.getOrDefault("Type", ""),
                  r.getOrDefault("Level", ""),
                  JobStatus.parse(r.get("JobStatus")),
                  VolumeListParser.num(r, "JobFiles"),
                  VolumeListParser.num(r, "JobBytes"),
                  VolumeListParser.num(r, "JobErrors")));
        } catch (IllegalArgumentException e) {
          throw new BconsoleOutputException(
              "unexpected job record in the reply to '"
                  + reply.command().line()
                  + "': "
                  + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The rows of {@code list jobmedia [jobid=N]}. With a jobid Bacula appends a jobs table, which is
   * ignored here.
   */
  public static List<JobMedia> jobMedia(BconsoleReply reply) {
    ReplyErrors.check(reply);
    List<JobMedia> out = new ArrayList<>();
    for (AsciiTable t : AsciiTable.parseAll(reply.lines())) {
      if (!t.headers().contains("VolumeName") || !t.headers().contains("FirstIndex")) {
        continue;
      }
      for (Map<String, String> r : t.rows()) {
        out.add(
            new JobMedia(
                JobId.parse(r.get("JobId")),
                VolumeName.of(r.get("VolumeName")),
                VolumeListParser.num(r, "FirstIndex"),
                VolumeListParser.num(r, "LastIndex")));
      }
    }
    return out;
  }
}
