package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GatewayEmulatorMainTest {
  private static GatewayEmulatorMain parse(String... args) {
    GatewayEmulatorMain m = new GatewayEmulatorMain();
    new CommandLine(m).parseArgs(args);
    return m;
  }

  @Test
  void config_takesTheContractOptions() {
    EmulatorConfig c =
        parse(
                "--listen", "127.0.0.1:0",
                "--state", "/var/tmp/emu",
                "--iscsi-portal", "127.0.0.1:3261",
                "--drives", "4",
                "--slots", "30",
                "--archive-delay", "250ms",
                "--retrieve-delay", "2s",
                "--faults", "throttle=0.2,seed=5",
                "--media", "/var/tmp/media",
                "--s3-endpoint", "http://127.0.0.1:9000")
            .config();
    assertThat(c.listenPort()).isZero();
    assertThat(c.portalPort()).isEqualTo(3261);
    assertThat(c.drives()).isEqualTo(4);
    assertThat(c.slots()).isEqualTo(30);
    assertThat(c.ieSlots()).as("I/E slots default to --slots").isEqualTo(30);
    assertThat(c.archiveDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.retrieveDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.faults().throttle()).isEqualTo(0.2);
    assertThat(c.mediaDir()).isEqualTo(Path.of("/var/tmp/media"));
    assertThat(c.s3Endpoint()).hasToString("http://127.0.0.1:9000");
  }

  @Test
  void config_defaultsMediaUnderTheStateDirectory() {
    EmulatorConfig c = parse("--listen", "127.0.0.1:0", "--state", "/var/tmp/emu").config();
    assertThat(c.mediaDir()).isEqualTo(Path.of("/var/tmp/emu/media"));
    assertThat(c.drives()).isEqualTo(10);
    assertThat(c.slots()).isEqualTo(1600);
  }

  @Test
  void config_refusesBadValuesNamingTheOption() {
    assertThatThrownBy(() -> parse("--listen", "8080", "--state", "x").config())
        .hasMessageContaining("--listen '8080' must be HOST:PORT");
    assertThatThrownBy(() -> parse("--listen", "h:0", "--state", "x", "--drives", "11").config())
        .hasMessageContaining("--drives 11");
    assertThatThrownBy(
            () -> parse("--listen", "h:0", "--state", "x", "--archive-delay", "soon").config())
        .hasMessageContaining("--archive-delay");
    assertThatThrownBy(
            () -> parse("--listen", "h:0", "--state", "x", "--faults", "boom=1").config())
        .hasMessageContaining("--faults: unknown fault 'boom'");
  }

  @Test
  void run_withoutRequiredOptions_exitsTwoAndSaysWhatIsMissing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = GatewayEmulatorMain.run("--listen", "127.0.0.1:0");
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--state");
  }

  @Test
  void help_explainsTheReadyLineAndTheMediaLinks() {
    String help = new CommandLine(new GatewayEmulatorMain()).getUsageMessage();
    assertThat(help)
        .contains("--listen")
        .contains("gateway-emulator ready: endpoint=")
        .contains("drive-<k>")
        .contains("tests and demos only");
  }
}
