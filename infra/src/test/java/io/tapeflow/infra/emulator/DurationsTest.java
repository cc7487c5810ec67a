package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parse_readsUnitsAndIso() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void parse_refusesNumbersWithoutUnitsAndNegativeDurations() {
    assertThatThrownBy(() -> Durations.parse("5")).hasMessageContaining("250ms");
    assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("PT-1S")).hasMessageContaining("not a duration");
  }
}
