package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TapeflowCommandTest {

  @Test
  void help_listsTheCommandAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: tapeflow").contains("AWS Tape");
  }

  @Test
  void unknownOption_exitsTwoWithAnError() {
    StringWriter err = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-option");
  }
}
