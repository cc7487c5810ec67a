package io.tapeflow.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresTest {

  /** The types a tape's FAILED state records, as the workflows wrote them before they had names. */
  private static final List<String> RECORDED_BY_WORKFLOWS =
      List.of(
          "TapeIrrecoverable",
          "DeletedOutsideTapeflow",
          "VolumeError",
          "TapeInDrive",
          "Timeout",
          "Canceled");

  @Test
  void everyTypeATapeCanFailWith_isInTheVocabulary() {
    for (String type : RECORDED_BY_WORKFLOWS) {
      ApplicationFailure f = Failures.of(type, "why");
      assertThat(f.getType()).isEqualTo(type);
      assertThat(f.isNonRetryable()).as(type).isTrue();
    }
  }

  @Test
  void statusNotReached_isBenignAndRetryable() {
    ApplicationFailure f = Failures.of(Failures.STATUS_NOT_REACHED, "still ARCHIVING");

    assertThat(f.getCategory()).isEqualTo(ApplicationErrorCategory.BENIGN);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getOriginalMessage()).isEqualTo("still ARCHIVING");
  }

  @Test
  void realFailures_keepTheDefaultCategory_andTheirDetails() {
    ApplicationFailure f = Failures.of(Failures.TAPE_IN_DRIVE, "held in drive 1", 1);

    assertThat(f.getCategory()).isEqualTo(ApplicationErrorCategory.UNSPECIFIED);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getDetails().get(0, Integer.class)).isEqualTo(1);
  }

  @Test
  void aTypeOutsideTheVocabulary_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Failures.of("SomethingElse", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SomethingElse");
  }
}
