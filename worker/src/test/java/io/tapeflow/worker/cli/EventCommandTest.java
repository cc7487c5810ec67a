package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.bacula.event.SpoolJobEventSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EventCommandTest {

  @Test
  void jobEnd_storesTheEventInTheSpool(@TempDir Path spool) {
    CommandLine cl = TapeflowCommand.commandLine();
    int rc =
        cl.execute(
            "event",
            "job-end",
            "--spool",
            spool.toString(),
            "--job",
            "12",
            "--status",
            "Fatal Error",
            "--volumes",
            "TAP001,TAP002",
            "--name",
            "Backup",
            "--type",
            "Backup");
    assertThat(rc).isZero();
    assertThat(SpoolJobEventSink.read(spool))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.job().value()).isEqualTo(12);
              assertThat(e.status()).isEqualTo("Fatal Error");
              assertThat(e.volumes()).hasSize(2);
              assertThat(e.succeeded()).isFalse();
            });
  }

  @Test
  void jobEnd_withBadInput_exitsTwoNamingTheProblem_andStoresNothing(@TempDir Path spool) {
    StringWriter err = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int rc =
        cl.execute(
            "event",
            "job-end",
            "--spool",
            spool.toString(),
            "--job",
            "12",
            "--status",
            "OK",
            "--volumes",
            "TAP001,@exec");
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("volume name \"@exec\"");
    assertThat(SpoolJobEventSink.read(spool)).isEmpty();
  }

  @Test
  void jobEnd_withoutTheJob_exitsTwo(@TempDir Path spool) {
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("event", "job-end", "--spool", spool.toString(), "--status", "OK"))
        .isEqualTo(2);
  }
}
