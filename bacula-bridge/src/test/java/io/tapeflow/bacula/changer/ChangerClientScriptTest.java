package io.tapeflow.bacula.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Perl Changer Command client's settings, with {@code /bin/echo} standing in for the JVM of its
 * fallback so the command it would run is printed.
 */
class ChangerClientScriptTest {
  @TempDir Path dir;

  private record Run(int exit, String stdout, String stderr) {}

  private Path client() throws IOException {
    Path c = dir.resolve("changer");
    Files.copy(
        RepoRoot.find().resolve("bacula-bridge/src/main/perl/tapeflow-changer"),
        c,
        StandardCopyOption.REPLACE_EXISTING);
    return c;
  }

  private Run run(Path client, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("perl", client.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void settingsBesideTheClient_areRead_andCommandLineOptionsWin() throws Exception {
    Path client = client();
    Files.writeString(
        dir.resolve("changer.conf"),
        "# test\nsocket =\njava = /bin/echo\nclasspath = /cp/one\nlock-dir = /locks/one\n");
    Run r = run(client, "--lock-dir=/locks/two", "iscsi://h/t/1", "loaded", "0", "/dev/null", "0");
    assertThat(r.exit()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout())
        .contains("-cp /cp/one io.tapeflow.bacula.changer.ChangerCommandMain")
        .contains("--lock-dir /locks/two iscsi://h/t/1 loaded 0 /dev/null 0");
  }

  @Test
  void aBadSettingsFile_isRefusedOnStdout_withNothingOnStderr() throws Exception {
    Path client = client();
    Path conf = dir.resolve("other.conf");
    Files.writeString(conf, "sockets = /x\n");
    Run r = run(client, "--conf=" + conf, "iscsi://h/t/1", "slots", "0", "/dev/null", "0");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).contains("line 1: unknown key 'sockets'");
  }
}
