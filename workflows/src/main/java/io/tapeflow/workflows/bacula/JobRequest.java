package io.tapeflow.workflows.bacula;

import io.tapeflow.workflows.common.TaskQueues;

/**
 * Ask about one job.
 *
 * @param director the director's configured name
 * @param jobId the JobId
 */
public record JobRequest(String director, long jobId) {
  public JobRequest {
    TaskQueues.requireName("director", director);
    if (jobId <= 0) {
      throw new IllegalArgumentException("JobId must be positive, got " + jobId);
    }
  }
}
