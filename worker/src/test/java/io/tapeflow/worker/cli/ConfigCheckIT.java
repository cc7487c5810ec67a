package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.VtlFixture;
import io.tapeflow.worker.config.ConfigReaderTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tapeflow config check} probing a real changer: a private tgt library that wants CHAP,
 * whose secret the config names in a file. The summary says what the changer answered; the secret
 * is never printed; a wrong secret is an error on the changer's line.
 */
class ConfigCheckIT {
  static final String SECRET = "s3cretS3cret";
  static VtlFixture vtl;
  @TempDir static Path dir;

  @BeforeAll
  static void up() {
    vtl = VtlFixture.builder().drives(2).slots(10).ie(2).chap("tapeflow", SECRET).start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  String out;
  String err;

  int check(String secret) throws Exception {
    Files.writeString(dir.resolve("gw1.chap"), secret + "\n");
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(
        f,
        ConfigReaderTest.VALID
            .replace(
                "iscsi://127.0.0.1:3260/iqn.2025-01.io.tapeflow:vtl/1",
                vtl.changerUri().replace("%" + SECRET, ""))
            .replace("    drives:", "    chapSecretFile: gw1.chap\n    drives:")
            .replace("state: /var/lib/tapeflow", "state: state\nlocks: locks"));
    Files.createDirectories(dir.resolve("locks"));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int rc = cl.execute("config", "check", "--config", f.toString());
    out = o.toString();
    err = e.toString();
    return rc;
  }

  @Test
  void check_asksTheChangerForItsInquiry_withTheSecretFromItsFile() throws Exception {
    assertThat(check(SECRET)).as(err).isZero();
    assertThat(out)
        .contains("  changer  iscsi://tapeflow%***@127.0.0.1:")
        .contains("(answered: ")
        .doesNotContain(SECRET);
  }

  @Test
  void check_withAWrongSecret_saysTheChangerDoesNotAnswer() throws Exception {
    assertThat(check("wrongS3cret0")).isEqualTo(2);
    assertThat(err.lines().findFirst().orElseThrow())
        .startsWith("tapeflow.yaml:12: gateways[0].changer: iscsi://tapeflow%***@127.0.0.1:")
        .contains("does not answer")
        .doesNotContain("wrongS3cret0");
  }
}
