package io.tapeflow.bacula.event;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.Names;
import io.tapeflow.bacula.model.VolumeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Bacula job has ended: what the Director's {@code RunScript} passes to {@code tapeflow event
 * job-end --job %i --status '%e' --volumes '%v' ...}. Built only from validated values.
 *
 * @param job the JobId ({@code %i})
 * @param status the Director's exit status text ({@code %e}: OK, Error, Fatal Error, Canceled,
 *     Differences, OK -- with warnings, ...)
 * @param volumes the volumes the job used ({@code %v}), possibly none
 * @param name the Job resource name ({@code %n}), or null
 * @param type the job type ({@code %t}: Backup, Restore, ...), or null
 * @param client the client name ({@code %c}), or null
 * @param at when the event was received
 */
public record JobEndEvent(
    JobId job,
    String status,
    List<VolumeName> volumes,
    String name,
    String type,
    String client,
    Instant at) {
  private static final Pattern STATUS = Pattern.compile("[A-Za-z][A-Za-z -]{0,39}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9:._-]{1,127}");
  private static final Pattern SEPARATORS = Pattern.compile("[,|\\s]+");

  public JobEndEvent {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(at, "at");
    if (status == null || !STATUS.matcher(status).matches()) {
      throw new InvalidValueException(
          "job status "
              + (status == null
                  ? "is missing"
                  : Names.quote(status) + " is not a Bacula exit status")
              + "; pass the Director's job exit status (OK, Error, Fatal Error, Canceled, ...)");
    }
    volumes = List.copyOf(volumes);
    optional("job name", name);
    optional("job type", type);
    optional("client", client);
  }

  private static void optional(String what, String value) {
    if (value != null && !WORD.matcher(value).matches()) {
      throw new InvalidValueException(
          what + " " + Names.quote(value) + " is not a Bacula name (A-Z a-z 0-9 : . _ -)");
    }
  }

  /**
   * An event from the hook's text arguments; empty optional ones count as absent.
   *
   * @param volumes the volume names as Bacula prints them: separated by commas, bars or spaces;
   *     empty when the job used none
   * @throws InvalidValueException naming the first bad argument
   */
  public static JobEndEvent of(
      String job,
      String status,
      String volumes,
      String name,
      String type,
      String client,
      Instant at) {
    if (job == null) {
      throw new InvalidValueException("--job is required (the Director's JobId)");
    }
    return new JobEndEvent(
        JobId.parse(job),
        status,
        volumeList(volumes),
        blankToNull(name),
        blankToNull(type),
        blankToNull(client),
        at);
  }

  static List<VolumeName> volumeList(String text) {
    List<VolumeName> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String v : SEPARATORS.split(text.strip(), -1)) {
      if (!v.isEmpty()) {
        out.add(VolumeName.of(v));
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Whether Bacula reported success (OK, or OK with warnings). */
  public boolean succeeded() {
    return status.startsWith("OK");
  }
}
