package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmcMediumChangerOptionsTest {
  @Test
  void newBuilder_holdsTheDocumentedDefaults() {
    SmcMediumChanger.Options o = SmcMediumChanger.Options.newBuilder().build();
    assertThat(o.maxUnitAttentions()).isEqualTo(5);
    assertThat(o.maxRetries()).isEqualTo(6);
    assertThat(o.maxAllocation()).isEqualTo(128 * 1024);
    assertThat(o.initializeTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(o.lockTimeout()).isEqualTo(ChangerLock.DEFAULT_TIMEOUT);
    assertThat(o.sleeper()).isSameAs(SmcMediumChanger.Sleeper.REAL);
    assertThat(SmcMediumChanger.Options.defaults()).isEqualTo(o);
  }

  @Test
  void toBuilder_changesOnlyWhatIsSet() {
    SmcMediumChanger.Options o = SmcMediumChanger.Options.defaults();
    SmcMediumChanger.Options changed =
        o.toBuilder().setLockTimeout(Duration.ofSeconds(3)).setMaxAllocation(4096).build();
    assertThat(changed.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(changed.maxAllocation()).isEqualTo(4096);
    assertThat(
            changed.toBuilder()
                .setLockTimeout(o.lockTimeout())
                .setMaxAllocation(o.maxAllocation())
                .build())
        .isEqualTo(o);
  }

  @Test
  void build_refusesAnAllocationOutsideWhatACdbCarries_namingIt() {
    assertThatThrownBy(() -> SmcMediumChanger.Options.newBuilder().setMaxAllocation(100).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAllocation")
        .hasMessageContaining("100");
    assertThatThrownBy(() -> SmcMediumChanger.Options.newBuilder().setMaxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
  }
}
