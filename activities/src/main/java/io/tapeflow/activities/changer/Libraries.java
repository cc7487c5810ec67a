package io.tapeflow.activities.changer;

import io.tapeflow.changer.MediumChanger;
import io.tapeflow.workflows.common.Failures;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changers this worker's host serves, by configured library name. The composition root opens
 * them (and closes them); the activities only use them.
 */
public final class Libraries {
  private final Map<String, MediumChanger> changers;

  public Libraries(Map<String, MediumChanger> changers) {
    this.changers = Map.copyOf(changers);
  }

  /**
   * The changer of a library.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code InvalidInput} when this worker does not
   *     serve it (its task queue is polled by the wrong host)
   */
  public MediumChanger get(String library) {
    MediumChanger c = changers.get(library);
    if (c == null) {
      throw Failures.of(
          Failures.INVALID_INPUT,
          "this worker does not serve library '"
              + library
              + "' (it serves "
              + new TreeMap<>(changers).keySet()
              + "): only the worker on the host that sees that changer may poll changer/"
              + library);
    }
    return c;
  }
}
