package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.infra.emulator.faults.FaultSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {
  private static final Path STATE = Path.of("/var/tmp/emu");

  @Test
  void newBuilder_hasTheAwsSizedDefaults() {
    EmulatorConfig c = EmulatorConfig.newBuilder().stateDir(STATE).build();
    assertThat(c.drives()).isEqualTo(10);
    assertThat(c.slots()).isEqualTo(1600);
    assertThat(c.ieSlots()).isEqualTo(1600);
    assertThat(c.listenHost()).isEqualTo("127.0.0.1");
    assertThat(c.listenPort()).isZero();
    assertThat(c.faults()).isEqualTo(FaultSpec.NONE);
    assertThat(c.s3Endpoint()).isNull();
    assertThat(c.mediaDir()).isEqualTo(STATE.resolve("media"));
  }

  @Test
  void toBuilder_keepsEveryValue_andChangesOnlyWhatIsSet() {
    EmulatorConfig c =
        EmulatorConfig.newBuilder()
            .stateDir(STATE)
            .listen("127.0.0.2", 8080)
            .portal("127.0.0.3", 3261)
            .library(2, 20, 10)
            .delays(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
            .pollInterval(Duration.ofMillis(50))
            .faults(FaultSpec.parse("throttle=0.5,seed=3"))
            .mediaDir(Path.of("/var/tmp/media"))
            .s3(URI.create("http://127.0.0.1:9000"), "other-vts")
            .gatewayName("gw-2")
            .build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    EmulatorConfig bigger = c.toBuilder().library(4, 40, 20).build();
    assertThat(bigger.drives()).isEqualTo(4);
    assertThat(bigger).isEqualTo(c.toBuilder().library(4, 40, 20).build());
    assertThat(bigger.toBuilder().library(2, 20, 10).build()).isEqualTo(c);
  }

  @Test
  void build_refusesBadValuesNamingTheOption() {
    assertThatThrownBy(() -> EmulatorConfig.newBuilder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("--state");
    assertThatThrownBy(() -> EmulatorConfig.newBuilder().stateDir(STATE).library(11, 1, 1).build())
        .hasMessageContaining("--drives 11");
    assertThatThrownBy(() -> EmulatorConfig.newBuilder().stateDir(STATE).s3(null, "A_b").build())
        .hasMessageContaining("--s3-bucket 'A_b'");
  }
}
