package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.common.Failures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failures injected into the stub activities: per activity method (or {@code method/BARCODE} for
 * one tape), a queue of failure types to throw on the next calls, or one to throw on every call.
 */
public final class Faults {
  private final Map<String, Deque<Object[]>> next = new HashMap<>();
  private final Map<String, Object[]> always = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();

  /** The next {@code times} calls of {@code method} fail with {@code type}. */
  public synchronized Faults failNext(String method, String type, int times, Object... details) {
    Deque<Object[]> q = next.computeIfAbsent(method, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(new Object[] {type, details});
    }
    return this;
  }

  /** Every call of {@code method} fails with {@code type}, until {@link #heal}. */
  public synchronized Faults failAlways(String method, String type, Object... details) {
    always.put(method, new Object[] {type, details});
    return this;
  }

  /** Stops every injected failure of {@code method}. */
  public synchronized void heal(String method) {
    always.remove(method);
    next.remove(method);
  }

  /** Stops every injected failure. */
  public synchronized void healAll() {
    always.clear();
    next.clear();
  }

  /** How many times {@code method} was called (failed calls included). */
  public synchronized int calls(String method) {
    return calls.getOrDefault(method, 0);
  }

  /**
   * Called first by a stub method acting on one tape: failures injected for {@code method/barcode}
   * hit only that tape, which keeps tests of concurrent tapes deterministic.
   */
  synchronized void enter(String method, String barcode) {
    Object[] f = take(method + "/" + barcode);
    enter(method, f);
  }

  /** Called first by every stub method: counts the call and throws an injected failure, if any. */
  synchronized void enter(String method) {
    enter(method, (Object[]) null);
  }

  private Object[] take(String key) {
    Object[] f = always.get(key);
    Deque<Object[]> q = next.get(key);
    if (f == null && q != null && !q.isEmpty()) {
      f = q.poll();
    }
    return f;
  }

  private void enter(String method, Object[] targeted) {
    calls.merge(method, 1, Integer::sum);
    Object[] f = targeted != null ? targeted : take(method);
    if (f != null) {
      String type = (String) f[0];
      throw Failures.of(type, "injected " + type + " in " + method, (Object[]) f[1]);
    }
  }
}
