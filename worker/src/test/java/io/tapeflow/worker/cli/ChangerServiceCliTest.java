package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChangerServiceCliTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void socketMode_notOctal_exitsTwoNamingItAndCreatesNothing() {
    Path socket = dir.resolve("run/changer.sock");
    int code = run("changer-service", "--socket", socket.toString(), "--socket-mode", "rw-rw----");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--socket-mode 'rw-rw----' is not an octal mode");
    assertThat(socket.getParent()).doesNotExist();
  }

  @Test
  void socketMode_withExecuteBitsOrNoOwnerWrite_exitsTwo() {
    Path socket = dir.resolve("changer.sock");
    assertThat(run("changer-service", "--socket", socket.toString(), "--socket-mode", "0770"))
        .isEqualTo(2);
    assertThat(run("changer-service", "--socket", socket.toString(), "--socket-mode", "0460"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--socket-mode 0770:").contains("--socket-mode 0460:");
    assertThat(socket).doesNotExist();
  }

  @Test
  void socketGroup_unknown_exitsTwoNamingItAndCreatesNothing() {
    Path socket = dir.resolve("run/changer.sock");
    int code =
        run("changer-service", "--socket", socket.toString(), "--socket-group", "no-such-group-x");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--socket-group 'no-such-group-x': no such group");
    assertThat(socket.getParent()).doesNotExist();
  }
}
