package io.tapeflow.workflows.lifecycle;

/**
 * Why a tape is FAILED.
 *
 * @param step the step that failed, or null if an outside fact caused it
 * @param type the failure type (see {@code Failures}), e.g. {@code TapeMisplaced}
 * @param message what was wrong and what to do
 */
public record Failure(Step step, String type, String message) {

  /** One line for people. */
  public String describe() {
    return (step == null ? "" : step.description() + ": ") + type + ": " + message;
  }
}
