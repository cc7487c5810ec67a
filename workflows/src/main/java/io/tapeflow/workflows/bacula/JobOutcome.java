package io.tapeflow.workflows.bacula;

/**
 * How a job ended.
 *
 * @param jobId the JobId
 * @param jobStatus Bacula's JobStatus letter (T ok, W warnings, E error, f fatal, A canceled ...)
 * @param bytes job bytes
 * @param files job files
 */
public record JobOutcome(long jobId, String jobStatus, long bytes, long files) {

  /** Whether the job ended well (T or W). */
  public boolean ok() {
    return "T".equals(jobStatus) || "W".equals(jobStatus);
  }
}
