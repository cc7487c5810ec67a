package io.tapeflow.bacula.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.VolumeName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobEndEventTest {
  private static final Instant AT = Instant.parse("2026-11-26T23:22:45Z");

  @Test
  void of_readsTheHooksArguments() {
    JobEndEvent e =
        JobEndEvent.of("12", "Fatal Error", "LAB001,LAB002", "Backup", "Backup", "fd", AT);
    assertThat(e.job().value()).isEqualTo(12);
    assertThat(e.volumes()).containsExactly(VolumeName.of("LAB001"), VolumeName.of("LAB002"));
    assertThat(e.succeeded()).isFalse();
    assertThat(JobEndEvent.of("1", "OK -- with warnings", "", null, null, null, AT).succeeded())
        .isTrue();
  }

  @Test
  void of_acceptsAJobThatUsedNoVolume() {
    assertThat(JobEndEvent.of("3", "Error", "", "", "", "", AT).volumes()).isEmpty();
  }

  @Test
  void of_refusesBadInputNamingIt() {
    assertThatThrownBy(() -> JobEndEvent.of("x1", "OK", "", null, null, null, AT))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("job id \"x1\"");
    assertThatThrownBy(() -> JobEndEvent.of("1", "OK\nrm -rf", "", null, null, null, AT))
        .hasMessageContaining("job status");
    assertThatThrownBy(() -> JobEndEvent.of("1", "OK", "LAB001,@exec", null, null, null, AT))
        .hasMessageContaining("volume name \"@exec\"");
    assertThatThrownBy(() -> JobEndEvent.of("1", "OK", "", "Back up", null, null, AT))
        .hasMessageContaining("job name");
    assertThatThrownBy(() -> JobEndEvent.of(null, "OK", "", null, null, null, AT))
        .hasMessageContaining("--job is required");
  }

  @Test
  void spool_storesWholeEventsThatReadBackEqual(@TempDir Path dir) throws Exception {
    JobEndEvent e = JobEndEvent.of("7", "OK", "LAB005", "Restore", "Restore", "tapeflow-fd", AT);
    new SpoolJobEventSink(dir).accept(e);
    assertThat(SpoolJobEventSink.read(dir)).containsExactly(e);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement()
          .satisfies(n -> assertThat(n).startsWith("job-end-7-").endsWith(".event"));
    }
  }

  @Test
  void main_storesTheEventAndExitsZero(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        JobEventMain.run(
            List.of(
                "--spool", dir.toString(), "--job", "4", "--status", "OK", "--volumes", "LAB001"),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(rc).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(SpoolJobEventSink.read(dir))
        .singleElement()
        .satisfies(e -> assertThat(e.job().value()).isEqualTo(4));
  }

  @Test
  void main_refusesBadInputWithExitTwoAndStoresNothing(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(JobEventMain.run(List.of("--spool", dir.toString(), "--job", "4"), ps)).isEqualTo(2);
    assertThat(
            JobEventMain.run(
                List.of("--spool", dir.toString(), "--job", "-4", "--status", "OK"), ps))
        .isEqualTo(2);
    assertThat(JobEventMain.run(List.of("--spool", dir.toString(), "--bogus", "1"), ps))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--status is required")
        .contains("job id \"-4\"")
        .contains("unknown argument '--bogus'");
    assertThat(SpoolJobEventSink.read(dir)).isEmpty();
  }
}
