package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The golden history of a whole tape life ({@code histories/tape-full-life.json}, written by {@code
 * TapeWorkflowLifeTest} with {@code -Dtapeflow.recordHistories=true}) replays on the current code.
 * A change that breaks it needs {@code Workflow.getVersion}; the second test shows that such a
 * break is caught.
 */
class TapeWorkflowReplayTest {
  static WorkflowExecutionHistory fullLife() throws IOException {
    try (InputStream in =
        TapeWorkflowReplayTest.class.getResourceAsStream("/histories/tape-full-life.json")) {
      assertThat(in).as("golden history in test resources").isNotNull();
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void recordedWholeLife_replaysWithoutNondeterminism() throws Exception {
    WorkflowExecutionHistory h = fullLife();
    assertThat(h.getEvents()).hasSizeGreaterThan(100);
    WorkflowReplayer.replayWorkflowExecution(h, TapeWorkflowImpl.class);
  }

  @Test
  void incompatibleChange_isCaughtByTheReplay() throws Exception {
    WorkflowExecutionHistory h = fullLife();
    Throwable t =
        catchThrowable(
            () -> WorkflowReplayer.replayWorkflowExecution(h, TimerFirstTapeWorkflow.class));
    assertThat(t).isNotNull();
    boolean nondeterministic = false;
    for (Throwable c = t; c != null; c = c.getCause()) {
      nondeterministic |=
          c instanceof NonDeterministicException
              || String.valueOf(c.getMessage()).contains("NonDeterministicException");
    }
    assertThat(nondeterministic).as("%s", t).isTrue();
  }
}
