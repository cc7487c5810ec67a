package io.tapeflow.worker.cli.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.changer.testing.VtlFixture;
import io.tapeflow.worker.cli.TapeflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tapeflow discover} and {@code tapeflow bacula-config} against the tgt library. */
class LibraryCommandsIT {
  private static final int DRIVES = 4;
  private static VtlFixture vtl;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void up() {
    vtl = VtlFixture.builder().drives(DRIVES).slots(4).ie(2).start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  private int run(String... args) {
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static String driveSerial(int k) {
    return vtl.get("CHANGER_SERIAL").substring(0, 6) + String.format("%04d", k);
  }

  @Test
  void discoverJson_tgtLibrary_listsTheChangerAndEveryDriveWithItsSerial() throws Exception {
    assertThat(run("discover", "--portal", vtl.portal(), "--json")).as(err.toString()).isZero();

    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("changer").path("uri").asText()).isEqualTo(vtl.changerUri());
    assertThat(root.path("changer").path("serial").asText()).isEqualTo(vtl.get("CHANGER_SERIAL"));
    assertThat(root.path("drives")).hasSize(DRIVES);
    for (int k = 0; k < DRIVES; k++) {
      JsonNode d = root.path("drives").get(k);
      assertThat(d.path("iqn").asText()).isEqualTo(vtl.driveIqns().get(k));
      assertThat(d.path("serial").asText()).isEqualTo(driveSerial(k + 1));
      assertThat(d.path("elementAddress").asInt()).isEqualTo(vtl.driveAddresses().get(k));
      assertThat(d.path("byId").asText())
          .isEqualTo("/dev/tape/by-id/scsi-" + driveSerial(k + 1) + "-nst");
    }
  }

  @Test
  void discoverText_tgtLibrary_showsTheConfigUriAndTheLoginLines() {
    assertThat(run("discover", "--portal", vtl.portal())).as(err.toString()).isZero();

    assertThat(out.toString())
        .contains("changer: " + vtl.changerUri())
        .contains("iscsiadm -m discovery -t sendtargets -p " + vtl.portal())
        .contains(
            "/dev/tape/by-path/ip-"
                + vtl.portal()
                + "-iscsi-"
                + vtl.driveIqns().get(DRIVES - 1)
                + "-lun-1-nst");
  }

  @Test
  void discover_nothingListens_exitsOneNamingThePortal() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(run("discover", "--portal", "127.0.0.1:" + port, "--timeout", "3")).isEqualTo(1);
    assertThat(err.toString()).contains("127.0.0.1:" + port).contains("cannot connect");
  }

  @Test
  void baculaConfig_tgtLibrary_isAcceptedByBaculaSdAndDir() throws Exception {
    Path pw = Files.writeString(dir.resolve("sd.pw"), "q1w2e3r4t5y6\n");
    Path sdPart = dir.resolve("library-sd.conf");
    Path dirPart = dir.resolve("library-dir.conf");
    int rc =
        run(
            "bacula-config",
            "--portal",
            vtl.portal(),
            "--name",
            "Vtl",
            "--sd-address",
            "127.0.0.1",
            "--password-file",
            pw.toString(),
            "--pool",
            "Tapes",
            "--sd-out",
            sdPart.toString(),
            "--dir-out",
            dirPart.toString());
    assertThat(rc).as(err.toString()).isZero();
    String sd = Files.readString(sdPart);
    assertThat(sd)
        .contains("Changer Device = \"" + vtl.changerUri() + "\"")
        .contains("Media Type = \"LTO-5\"")
        .contains("/dev/tape/by-id/scsi-" + driveSerial(DRIVES) + "-nst");
    assertThat(Files.readString(dirPart)).doesNotContain("q1w2e3r4t5y6");

    assertThat(check("bacula-sd", sdConfig(sdPart))).isEmpty();
    assertThat(check("bacula-dir", dirConfig(dirPart))).isEmpty();
  }

  /** A whole SD configuration that includes the generated part. */
  private Path sdConfig(Path part) throws Exception {
    Files.createDirectories(dir.resolve("work"));
    return write(
        "bacula-sd.conf",
        "Storage {\n  Name = it-sd\n  WorkingDirectory = \""
            + dir.resolve("work")
            + "\"\n  Pid Directory = \""
            + dir.resolve("work")
            + "\"\n}\nDirector {\n  Name = it-dir\n  Password = @"
            + dir.resolve("sd.pw")
            + "\n}\nMessages {\n  Name = Standard\n  director = it-dir = all\n}\n@"
            + part
            + "\n");
  }

  /** A whole Director configuration (with its SQLite catalog) that includes the generated part. */
  private Path dirConfig(Path part) throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    String catalog =
        "sed -e \"s#^cd /var/lib/bacula#cd $1#\" -e s/XXX_DBNAME_XXX/bacula/"
            + " /usr/share/bacula-director/make_sqlite3_tables | sh";
    assertThat(exec(List.of("sh", "-c", catalog, "sh", work.toString()))).isEmpty();
    return write(
        "bacula-dir.conf",
        "Director {\n  Name = it-dir\n  QueryFile = \"/etc/bacula/scripts/query.sql\"\n"
            + "  WorkingDirectory = \""
            + work
            + "\"\n  PidDirectory = \""
            + work
            + "\"\n  Password = \"x\"\n  Messages = Standard\n}\n"
            + "Catalog {\n  Name = Catalog\n  dbname = \"bacula\"; dbuser = \"\"; dbpassword = \"\"\n}\n"
            + "Client {\n  Name = it-fd\n  Address = 127.0.0.1\n  Catalog = Catalog\n"
            + "  Password = \"x\"\n}\n"
            + "FileSet {\n  Name = Data\n  Include {\n    File = /etc/hostname\n  }\n}\n"
            + "Messages {\n  Name = Standard\n  console = all\n}\n"
            + "Job {\n  Name = Nightly\n  JobDefs = \"Vtl-jobs\"\n  Client = it-fd\n"
            + "  FileSet = Data\n  Messages = Standard\n}\n@"
            + part
            + "\n");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Runs {@code daemon -t -c conf}; empty when it accepts the file, else its output. */
  private static String check(String daemon, Path conf) throws Exception {
    return exec(List.of(daemon, "-t", "-c", conf.toString()));
  }

  private static String exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return command + " did not finish";
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + output;
  }
}
