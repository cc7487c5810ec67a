package io.tapeflow.workflows.lifecycle;

import java.util.Objects;

/**
 * The answer to an operator request before anything changes.
 *
 * @param kind accept, already done (harmless duplicate), or reject
 * @param reason what the answer means, in words; for a rejection, what was wrong and what to do
 */
public record Verdict(Kind kind, String reason) {

  /** The three answers. */
  public enum Kind {
    ACCEPT,
    ALREADY,
    REJECT
  }

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  static Verdict accept(String reason) {
    return new Verdict(Kind.ACCEPT, reason);
  }

  static Verdict already(String reason) {
    return new Verdict(Kind.ALREADY, reason);
  }

  static Verdict reject(String reason) {
    return new Verdict(Kind.REJECT, reason);
  }

  public boolean accepted() {
    return kind == Kind.ACCEPT;
  }

  public boolean rejected() {
    return kind == Kind.REJECT;
  }
}
