package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChangerCommandCliTest {

  @Test
  void aChangerThatCannotBeReached_exitsOneWithTheReasonOnStdout_andNothingOnStderr(
      @TempDir Path locks) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int rc =
        cl.execute(
            "changer-command",
            "--lock-dir",
            locks.toString(),
            "iscsi://127.0.0.1:1/iqn.2026-01.io.tapeflow:nothing/1",
            "loaded",
            "0",
            "/dev/null",
            "0");
    assertThat(rc).isEqualTo(1);
    assertThat(out.toString()).isNotBlank().endsWith("\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anOperationTheProtocolDoesNotHave_exitsOne() {
    StringWriter out = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    int rc =
        cl.execute(
            "changer-command", "iscsi://127.0.0.1:1/iqn.x/1", "eject", "1", "/dev/null", "0");
    assertThat(rc).isEqualTo(1);
    assertThat(out.toString()).contains("unknown changer operation 'eject'");
  }

  @Test
  void help_explainsTheOperations() {
    StringWriter out = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("changer-command", "--help")).isZero();
    assertThat(out.toString()).contains("loaded").contains("transfer").contains("stderr");
  }
}
