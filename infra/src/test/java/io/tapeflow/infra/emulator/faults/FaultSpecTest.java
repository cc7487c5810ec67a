package io.tapeflow.infra.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  @Test
  void parse_readsEveryKey() {
    FaultSpec s = FaultSpec.parse("throttle=0.2,error5xx=0.1,latency=50ms..2s,seed=7");
    assertThat(s.throttle()).isEqualTo(0.2);
    assertThat(s.error5xx()).isEqualTo(0.1);
    assertThat(s.latencyMin()).isEqualTo(Duration.ofMillis(50));
    assertThat(s.latencyMax()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.active()).isTrue();
  }

  @Test
  void parse_ofNothing_isNoFaults() {
    assertThat(FaultSpec.parse("")).isEqualTo(FaultSpec.NONE);
    assertThat(FaultSpec.NONE.active()).isFalse();
  }

  @Test
  void parse_refusesUnknownKeysBadSharesAndBackwardRanges() {
    assertThatThrownBy(() -> FaultSpec.parse("throtle=0.2"))
        .hasMessageContaining("unknown fault 'throtle'");
    assertThatThrownBy(() -> FaultSpec.parse("throttle=1.5"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> FaultSpec.parse("throttle")).hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> FaultSpec.parse("latency=2s..1s")).hasMessageContaining("ends before");
    assertThatThrownBy(() -> FaultSpec.parse("latency=fast"))
        .hasMessageContaining("not a duration");
  }

  @Test
  void injector_withTheSameSeed_drawsTheSameFaults() {
    FaultSpec s = FaultSpec.parse("throttle=0.3,error5xx=0.2,latency=0ms..100ms,seed=11");
    assertThat(draws(s, 200)).isEqualTo(draws(s, 200));
    FaultSpec other = FaultSpec.parse("throttle=0.3,error5xx=0.2,latency=0ms..100ms,seed=12");
    assertThat(draws(s, 200)).isNotEqualTo(draws(other, 200));
  }

  @Test
  void injector_throttlesAboutTheGivenShare() {
    List<FaultInjector.Fault> d = draws(FaultSpec.parse("throttle=0.2,seed=3"), 5000);
    long throttled = d.stream().filter(f -> f.kind() == FaultInjector.Kind.THROTTLE).count();
    assertThat(throttled).isBetween(850L, 1150L);
    assertThat(d).allMatch(f -> f.latency().isZero());
  }

  private static List<FaultInjector.Fault> draws(FaultSpec s, int n) {
    FaultInjector injector = new FaultInjector(s);
    List<FaultInjector.Fault> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(injector.next());
    }
    return out;
  }
}
