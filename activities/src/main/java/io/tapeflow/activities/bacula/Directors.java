package io.tapeflow.activities.bacula;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.workflows.common.Failures;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Bacula directors this worker's host reaches through bconsole, by configured name, with what
 * restores need. The composition root builds them.
 */
public final class Directors {

  /**
   * One director.
   *
   * @param console its console
   * @param storage the autochanger's Storage resource (for restores)
   * @param drive the drive restores name in {@code update slots}
   * @param restoreJob the Restore job resource
   * @param restoreWhere where restores go unless the request says
   * @param jobPoll how often a running job is looked at
   */
  public record Director(
      BaculaConsole console,
      String storage,
      int drive,
      String restoreJob,
      String restoreWhere,
      Duration jobPoll) {
    public Director {
      Objects.requireNonNull(console, "console");
      Objects.requireNonNull(storage, "storage");
      Objects.requireNonNull(restoreJob, "restoreJob");
      Objects.requireNonNull(jobPoll, "jobPoll");
    }
  }

  private final Map<String, Director> directors;

  public Directors(Map<String, Director> directors) {
    this.directors = Map.copyOf(directors);
  }

  /**
   * A director.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code InvalidInput} when this worker does not
   *     reach it
   */
  public Director get(String name) {
    Director d = directors.get(name);
    if (d == null) {
      throw Failures.of(
          Failures.INVALID_INPUT,
          "this worker has no bconsole for director '"
              + name
              + "' (it has "
              + new TreeMap<>(directors).keySet()
              + "): only workers with that director's bconsole may poll bacula/"
              + name);
    }
    return d;
  }
}
