package io.tapeflow.worker.cli.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.worker.cli.TapeflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** discover and bacula-config on the command line, without a library. */
class LibraryCommandsTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void discover_badPortal_exitsTwoNamingIt() {
    assertThat(run("discover", "--portal", "gw:port")).isEqualTo(2);
    assertThat(err.toString()).contains("--portal").contains("'port' is not a number");
  }

  @Test
  void discover_chapUserWithoutSecret_exitsTwo() {
    assertThat(run("discover", "--portal", "127.0.0.1", "--chap-user", "u")).isEqualTo(2);
    assertThat(err.toString()).contains("--chap-secret-file");
  }

  @Test
  void baculaConfig_fromFlags_printsBothDaemonsResources() {
    int rc =
        run(
            "bacula-config",
            "--changer",
            "iscsi://10.0.0.5:3260/iqn.1997-05.com.amazon:sgw-1-mediachanger/0",
            "--drive-device",
            "/dev/tape/by-id/scsi-A-nst",
            "--drive-device",
            "/dev/tape/by-id/scsi-B-nst",
            "--media-type",
            "LTO-5",
            "--sd-address",
            "backup.example.com");

    assertThat(rc).isZero();
    assertThat(out.toString())
        .contains("Autochanger {")
        .contains("Archive Device = \"/dev/tape/by-id/scsi-B-nst\"")
        .contains("Storage {")
        .contains("JobDefs {");
    assertThat(err.toString()).contains("REPLACE-WITH-THE-SD-PASSWORD");
  }

  @Test
  void baculaConfig_changerWithoutDrives_exitsTwo() {
    assertThat(run("bacula-config", "--changer", "/dev/sg3")).isEqualTo(2);
    assertThat(err.toString()).contains("--drive-device");
  }

  @Test
  void baculaConfig_twoSources_exitsTwo() {
    assertThat(run("bacula-config", "--changer", "/dev/sg3", "--portal", "h")).isEqualTo(2);
  }

  @Test
  void baculaConfig_passwordBaculaCannotRead_exitsTwoWithoutShowingIt() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "abc=def#secret\n");
    int rc =
        run(
            "bacula-config",
            "--changer",
            "/dev/sg3",
            "--drive-device",
            "/dev/nst0",
            "--media-type",
            "LTO-5",
            "--password-file",
            pw.toString());

    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains(pw.toString()).doesNotContain("secret");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void baculaConfig_outFiles_writeTheFragmentsThere() throws Exception {
    Path sd = dir.resolve("sd.conf");
    Path dirConf = dir.resolve("dir.conf");
    int rc =
        run(
            "bacula-config",
            "--changer",
            "/dev/sg3",
            "--drive-device",
            "/dev/nst0",
            "--media-type",
            "LTO-5",
            "--sd-out",
            sd.toString(),
            "--dir-out",
            dirConf.toString());

    assertThat(rc).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(sd)).contains("Changer Device = \"/dev/sg3\"");
    assertThat(Files.readString(dirConf)).contains("Media Type = \"LTO-5\"");
  }
}
