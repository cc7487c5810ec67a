package io.tapeflow.bacula.event;

/**
 * Where job-end events go. For now a spool directory the worker reads; once tape workflows exist
 * the worker turns each event into signals. Implementations must not lose an accepted event.
 */
public interface JobEventSink {
  /** Hands the event on; returns once it is safely stored. */
  void accept(JobEndEvent event);
}
