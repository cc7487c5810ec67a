package io.tapeflow.worker.cli.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.changer.testing.FaultInjectingFakeLibrary;
import io.tapeflow.worker.cli.TapeflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The changer CLI over a fake library (parsing, output shapes, exit codes, error lines); the same
 * commands against tgt run in the integration tests.
 */
class ChangerCommandTest {
  static final String URI = "iscsi://127.0.0.1:3260/iqn.1997-05.com.amazon:sgw-test-mediachanger/1";

  @TempDir Path lockDir;
  FaultInjectingFakeLibrary lib;
  final AtomicInteger opened = new AtomicInteger();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void library() {
    lib = FaultInjectingFakeLibrary.awsShaped(2, 6, 3);
    lib.put(10000, "DRV001").put(20000, "TAP000").put(20001, "TAP001").put(30000, "IMP001");
  }

  int run(String... args) {
    CommandLine cl =
        TapeflowCommand.commandLine(
            (uri, dir) -> {
              opened.incrementAndGet();
              return SmcMediumChanger.open(lib, uri, dir, SmcMediumChanger.Options.defaults());
            });
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  String[] args(String... rest) {
    String[] a = new String[rest.length + 4];
    a[0] = "changer";
    a[1] = rest[0];
    a[2] = "--changer";
    a[3] = URI;
    a[4] = "--lock-dir=" + lockDir;
    System.arraycopy(rest, 1, a, 5, rest.length - 1);
    return a;
  }

  @Test
  void status_printsTheMapDrivesFirstWithCountsAndCompressedEmptyRuns() {
    assertThat(run(args("status"))).isZero();

    assertThat(out.toString())
        .isEqualTo(
            """
            Changer %s

            Drives: 2 (1 full, 1 empty)
              drive 10000      DRV001
              drive 10001      empty

            Storage slots: 6 (2 full, 4 empty)
              slot 20000       TAP000
              slot 20001       TAP001
              slots 20002-20005 empty (4)

            I/E slots: 3 (1 full, 2 empty)
              I/E slot 30000   IMP001
              I/E slots 30001-30002 empty (2)

            Transport 1: empty
            """
                .formatted(URI));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void status_awsSizedLibrary_listsFullSlotsAndCompressesTheRest() {
    lib = FaultInjectingFakeLibrary.awsShaped(10, 1600, 1600);
    lib.put(20000, "A00001").put(20004, "A00005");

    assertThat(run(args("status"))).isZero();

    assertThat(out.toString())
        .contains("Storage slots: 1600 (2 full, 1598 empty)")
        .contains("  slot 20000       A00001\n")
        .contains("  slots 20001-20003 empty (3)\n")
        .contains("  slot 20004       A00005\n")
        .contains("  slots 20005-21599 empty (1595)\n")
        .contains("I/E slots: 1600 (0 full, 1600 empty)");
    assertThat(out.toString().lines().count()).isLessThan(30);
  }

  @Test
  void status_namesWhereALoadedTapeCameFrom() {
    lib.clear(10000).moveBehindTheBack(20001, 10001);

    assertThat(run(args("status"))).isZero();

    assertThat(out.toString()).contains("  drive 10001      TAP001  (from slot 20001)\n");
  }

  @Test
  void statusJson_hasExactlyTheAgreedShape() {
    lib = FaultInjectingFakeLibrary.awsShaped(1, 2, 1);
    lib.put(20001, "TAP001");
    lib.moveBehindTheBack(20001, 10000);

    assertThat(run(args("status", "--json"))).isZero();

    assertThat(out.toString())
        .isEqualTo(
            "{\"elements\":["
                + "{\"type\":\"TRANSPORT\",\"address\":1,\"full\":false,\"barcode\":null,\"source\":null},"
                + "{\"type\":\"DRIVE\",\"address\":10000,\"full\":true,\"barcode\":\"TAP001\",\"source\":20001},"
                + "{\"type\":\"STORAGE\",\"address\":20000,\"full\":false,\"barcode\":null,\"source\":null},"
                + "{\"type\":\"STORAGE\",\"address\":20001,\"full\":false,\"barcode\":null,\"source\":null},"
                + "{\"type\":\"IMPORT_EXPORT\",\"address\":30000,\"full\":false,\"barcode\":null,\"source\":null}"
                + "]}\n");
  }

  @Test
  void moveFromTo_movesAndSaysSo() {
    assertThat(run(args("move", "--from", "30000", "--to", "20003"))).isZero();

    assertThat(out.toString()).isEqualTo("moved 30000 to 20003\n");
    assertThat(lib.barcodeAt(20003)).isEqualTo("IMP001");
  }

  @Test
  void moveBarcode_alreadyThere_movesNothingAndExitsZero() {
    assertThat(run(args("move", "--barcode", "TAP001", "--to", "20001"))).isZero();

    assertThat(out.toString()).isEqualTo("TAP001 is already in 20001; nothing moved\n");
    assertThat(lib.count(SmcCommands.MOVE_MEDIUM)).isZero();
  }

  @Test
  void moveBarcode_typedDestination() {
    assertThat(run(args("move", "--barcode", "IMP001", "--to", "drive:10001"))).isZero();

    assertThat(out.toString()).isEqualTo("moved IMP001 to drive 10001\n");
    assertThat(lib.barcodeAt(10001)).isEqualTo("IMP001");
  }

  @Test
  void moveBarcode_toFreeStorage_picksTheLowestFreeSlot() {
    assertThat(run(args("move", "--barcode", "IMP001", "--to-free", "storage"))).isZero();

    assertThat(out.toString()).isEqualTo("moved IMP001 to slot 20002\n");
    assertThat(lib.barcodeAt(20002)).isEqualTo("IMP001");
  }

  @Test
  void moveToAFullSlot_exitsOneWithOneLineAndNoStackTrace() {
    assertThat(run(args("move", "--from", "30000", "--to", "20001"))).isEqualTo(1);

    assertThat(err.toString())
        .isEqualTo(
            "tapeflow: slot 20001 of "
                + URI
                + " already holds TAP001; nothing was moved: run `tapeflow changer status` and"
                + " retry with a free slot\n");
    assertThat(out.toString()).isEmpty();
    assertThat(lib.count(SmcCommands.MOVE_MEDIUM)).isZero();
  }

  @Test
  void failureWithDebug_addsTheStackTrace() {
    assertThat(run(args("move", "--from", "30000", "--to", "20001", "--debug"))).isEqualTo(1);

    assertThat(err.toString())
        .startsWith("tapeflow: slot 20001")
        .contains("DestinationFullException")
        .contains("\tat io.tapeflow.");
  }

  @Test
  void unknownAddress_exitsOneNothingMoved() {
    assertThat(run(args("move", "--from", "30000", "--to", "25000"))).isEqualTo(1);

    assertThat(err.toString())
        .startsWith("tapeflow: element address 25000 is not in this library")
        .doesNotContain("\tat ");
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(lib.count(SmcCommands.MOVE_MEDIUM)).isZero();
  }

  @Test
  void unknownBarcode_exitsOne() {
    assertThat(run(args("move", "--barcode", "NOPE01", "--to", "20003"))).isEqualTo(1);

    assertThat(err.toString()).startsWith("tapeflow: no element of").contains("NOPE01");
  }

  @Test
  void malformedUri_exitsTwoWithOneLineAndOpensNothing() {
    assertThat(run("changer", "status", "--changer", "iscsi://u%pw@host/notaniqn/1")).isEqualTo(2);

    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("tapeflow changer status: ")
        .contains("invalid changer URI")
        .contains("'notaniqn' is not an iSCSI target name")
        .doesNotContain(":pw@")
        .doesNotContain("%pw@")
        .contains("see 'tapeflow changer status --help'");
    assertThat(opened).hasValue(0);
  }

  @Test
  void badBarcode_exitsTwoAndOpensNothing() {
    assertThat(run(args("move", "--barcode", "tap 1", "--to", "20003"))).isEqualTo(2);

    assertThat(err.toString()).contains("invalid barcode 'tap 1'");
    assertThat(opened).hasValue(0);
  }

  @Test
  void badAddress_exitsTwo() {
    assertThat(run(args("move", "--from", "slot:x", "--to", "20003"))).isEqualTo(2);
    assertThat(err.toString()).contains("'slot:x' is not an element address");

    assertThat(run(args("move", "--from", "shelf:1", "--to", "20003"))).isEqualTo(2);
    assertThat(err.toString()).contains("'shelf:1' names no element type");
    assertThat(opened).hasValue(0);
  }

  @Test
  void fromAndBarcodeTogether_orNoDestination_exitTwo() {
    assertThat(run(args("move", "--from", "30000", "--barcode", "IMP001", "--to", "1")))
        .isEqualTo(2);
    assertThat(run(args("move", "--from", "30000"))).isEqualTo(2);
    assertThat(run(args("move", "--from", "30000", "--to-free", "storage"))).isEqualTo(2);
    assertThat(err.toString()).contains("--to-free needs --barcode");
    assertThat(lib.count(SmcCommands.MOVE_MEDIUM)).isZero();
  }

  @Test
  void missingChanger_exitsTwo() {
    assertThat(run("changer", "status")).isEqualTo(2);

    assertThat(err.toString()).contains("--changer");
  }

  @Test
  void inventory_initializesElementStatusThenPrintsOneLinePerElement() {
    assertThat(run(args("inventory"))).isZero();

    assertThat(lib.count(SmcCommands.INITIALIZE_ELEMENT_STATUS)).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("TRANSPORT 1 empty - -\nDRIVE 10000 full DRV001 -\nDRIVE 10001 empty - -\n")
        .contains("STORAGE 20001 full TAP001 -\n")
        .endsWith("IMPORT_EXPORT 30002 empty - -\n");
  }

  @Test
  void help_saysWhatInventoryAddsOverStatus() {
    assertThat(run("changer", "inventory", "--help")).isZero();

    assertThat(out.toString())
        .contains("INITIALIZE ELEMENT STATUS")
        .contains("TYPE ADDRESS full|empty BARCODE|- SOURCE|-")
        .contains("--lock-dir")
        .contains("/run/tapeflow/locks");
  }
}
