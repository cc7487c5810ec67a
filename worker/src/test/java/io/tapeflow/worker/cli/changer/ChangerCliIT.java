package io.tapeflow.worker.cli.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.VtlFixture;
import io.tapeflow.worker.cli.TapeflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code tapeflow changer} commands, with the production transports, against a private tgt
 * library shaped like the AWS gateway's: status, imports from I/E slots, loads, idempotent re-runs,
 * and each failure as one line with its exit code.
 */
class ChangerCliIT {
  static VtlFixture vtl;
  @TempDir static Path locks;

  String out;
  String err;

  @BeforeAll
  static void up() {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(20)
            .ie(4)
            .tape("CLI001", 30000)
            .tape("CLI002", 30001)
            .tape("CLI003", 20000)
            .start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  int run(String command, String... rest) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "changer", command, "--changer", vtl.changerUri(), "--lock-dir", locks.toString()));
    a.addAll(List.of(rest));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int rc = cl.execute(a.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return rc;
  }

  @Test
  void importLoadAndUnload_thenIdempotentReruns() {
    assertThat(run("status")).isZero();
    assertThat(out)
        .contains("Drives: 2 (0 full, 2 empty)")
        .contains("Storage slots: 20 (1 full, 19 empty)")
        .contains("I/E slot 30000   CLI001")
        .contains("slots 20001-20019 empty (19)");

    assertThat(run("move", "--barcode", "CLI001", "--to-free", "storage")).isZero();
    assertThat(out).isEqualTo("moved CLI001 to slot 20001\n");
    assertThat(run("move", "--barcode", "CLI001", "--to-free", "storage")).isZero();
    assertThat(out).isEqualTo("CLI001 is already in slot 20001; nothing moved\n");

    int drive = vtl.driveAddresses().get(0);
    assertThat(run("move", "--barcode", "CLI001", "--to", "drive:" + drive)).isZero();
    assertThat(run("move", "--barcode", "CLI001", "--to", Integer.toString(drive))).isZero();
    assertThat(out).contains("nothing moved");

    assertThat(run("status", "--json")).isZero();
    assertThat(out)
        .contains(
            "{\"type\":\"DRIVE\",\"address\":"
                + drive
                + ",\"full\":true,\"barcode\":\"CLI001\",\"source\":20001}");

    assertThat(run("move", "--from", Integer.toString(drive), "--to", "20001")).isZero();
    assertThat(vtl.elementLines()).anyMatch(l -> l.startsWith("STORAGE 20001 full CLI001"));
  }

  @Test
  void moveToAFullSlot_exitsOneWithOneLineNamingTheTape() {
    assertThat(run("move", "--from", "30001", "--to", "20000")).isEqualTo(1);

    assertThat(err.lines()).hasSize(1);
    assertThat(err).startsWith("tapeflow: slot 20000 of iscsi://").contains("already holds CLI003");
    assertThat(vtl.elementLines()).anyMatch(l -> l.startsWith("IMPORT_EXPORT 30001 full CLI002"));
  }

  @Test
  void unknownAddress_exitsOneAndMovesNothing() {
    assertThat(run("move", "--from", "30001", "--to", "29999")).isEqualTo(1);

    assertThat(err).startsWith("tapeflow: element address 29999 is not in this library");
  }

  @Test
  void missingTapeImage_isTheHardwareErrorOfTheLoad() throws Exception {
    vtl.put("CLI009", 20010);
    Files.delete(vtl.mediaHome().resolve("CLI009"));

    assertThat(run("move", "--barcode", "CLI009", "--to", "drive:" + vtl.driveAddresses().get(1)))
        .isEqualTo(1);

    assertThat(err).startsWith("tapeflow: ").contains("04/15/01").contains("tape image");
    assertThat(err.lines()).hasSize(1);
  }

  @Test
  void inventory_printsOneLinePerElement() {
    assertThat(run("inventory")).isZero();

    assertThat(out.lines()).hasSize(1 + 2 + 20 + 4);
    assertThat(out).contains("STORAGE 20000 full CLI003 -\n");
  }

  @Test
  void unreachableTarget_exitsOneWithOneLine() {
    StringWriter e = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setErr(new PrintWriter(e));
    int rc =
        cl.execute(
            "changer",
            "status",
            "--changer",
            "iscsi://127.0.0.1:" + vtl.port() + "/iqn.2000-01.org.example:no-such-target/1",
            "--lock-dir",
            locks.toString());

    assertThat(rc).isEqualTo(1);
    assertThat(e.toString().lines()).hasSize(1);
    assertThat(e.toString()).startsWith("tapeflow: ");
  }
}
