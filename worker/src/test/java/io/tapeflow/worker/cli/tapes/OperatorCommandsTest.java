package io.tapeflow.worker.cli.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.worker.cli.TapeflowCommand;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.lifecycle.Transition;
import io.tapeflow.workflows.tape.TapeSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Rendering of the operator commands, and command lines refused before anything is sent. */
class OperatorCommandsTest {
  static final String EXAMPLE = "src/main/dist/tapeflow.yaml.example";
  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  String out;
  String err;

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int rc = cl.execute(args);
    out = o.toString();
    err = e.toString();
    return rc;
  }

  static TapeRow row(String barcode, TapeState state, Location where, String pool) {
    TapeRecord r =
        new TapeRecord(
            state,
            T0,
            where,
            false,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            1,
            List.of(new Transition(1, TapeState.ADOPTED, state, T0, "placed by reconcile", null)));
    return TapeRow.of(
        new TapeSnapshot(barcode, state, where.describe(), "Bacula to write to it", null, r, 12),
        pool,
        "gw1");
  }

  @Test
  void listJson_hasExactlyTheContractsFields_inOrder() {
    String json =
        TapeViews.listJson(
            List.of(
                row(
                    "TFA00001",
                    TapeState.SCRATCH,
                    new Location(Location.Kind.SLOT, 1001),
                    "GLACIER")));
    assertThat(json)
        .isEqualTo(
            "{\"tapes\":[{\"barcode\":\"TFA00001\",\"state\":\"SCRATCH\",\"location\":\"slot"
                + " 1001\",\"pool\":\"GLACIER\",\"gateway\":\"gw1\",\"volStatus\":null,"
                + "\"since\":\"2026-12-07T10:00:00Z\"}]}");
    assertThat(TapeViews.listJson(List.of())).isEqualTo("{\"tapes\":[]}");
  }

  @Test
  void listText_isATableWithAHeader_orSaysThereIsNone() {
    String text =
        TapeViews.listText(
            List.of(
                row(
                    "TFA00001",
                    TapeState.SCRATCH,
                    new Location(Location.Kind.SLOT, 1001),
                    "GLACIER")));
    assertThat(text.lines().toList()).hasSize(2);
    assertThat(text).startsWith("BARCODE").contains("TFA00001").contains("slot 1001");
    assertThat(TapeViews.listText(List.of())).isEqualTo("no tapes\n");
  }

  @Test
  void show_saysWhatTheTapeWaitsFor_andItsTransitions() {
    TapeRow r =
        row("TFA00001", TapeState.SCRATCH, new Location(Location.Kind.SLOT, 1001), "GLACIER");
    assertThat(TapeViews.showText(r))
        .contains("waiting for: Bacula to write to it")
        .contains("ADOPTED -> SCRATCH: placed by reconcile");
    assertThat(TapeViews.showJson(r))
        .contains("\"waitingFor\":\"Bacula to write to it\"")
        .contains("\"transitions\":[{\"seq\":1,\"from\":\"ADOPTED\",\"to\":\"SCRATCH\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void status_mapsTheLibraryFromLocations_countsTheShelf_andGivesRetrievalsAnEta() {
    List<TapeRow> rows =
        List.of(
            row("TFA00002", TapeState.IN_USE, new Location(Location.Kind.DRIVE, 0), "GLACIER"),
            row("TFA00001", TapeState.SCRATCH, new Location(Location.Kind.SLOT, 1001), "GLACIER"),
            row(
                "TFA00003",
                TapeState.IN_IE_SLOT,
                new Location(Location.Kind.IE_SLOT, 16),
                "GLACIER"),
            row("TFA00004", TapeState.ARCHIVED, new Location(Location.Kind.SHELF, -1), "GLACIER"),
            row(
                "TFA00005",
                TapeState.ARCHIVED,
                new Location(Location.Kind.SHELF, -1),
                "DEEP_ARCHIVE"),
            row(
                "TFA00006",
                TapeState.RETRIEVING,
                new Location(Location.Kind.SHELF, -1),
                "DEEP_ARCHIVE"));
    Instant now = T0.plus(Duration.ofHours(2));
    Map<String, Object> tree = StatusView.tree(rows, now);
    Map<String, Map<String, List<Map<String, Object>>>> lib =
        (Map<String, Map<String, List<Map<String, Object>>>>) tree.get("library");
    assertThat(lib.get("gw1").get("drives"))
        .extracting(e -> e.get("barcode"))
        .containsExactly("TFA00002");
    assertThat(lib.get("gw1").get("slots")).extracting(e -> e.get("element")).containsExactly(1001);
    assertThat(lib.get("gw1").get("ieSlots")).extracting(e -> e.get("element")).containsExactly(16);
    assertThat(tree.get("shelf")).isEqualTo(Map.of("GLACIER", 1, "DEEP_ARCHIVE", 2));
    List<Map<String, Object>> ops = (List<Map<String, Object>>) tree.get("inFlight");
    assertThat(ops).hasSize(1);
    assertThat(ops.get(0))
        .containsEntry("elapsedSeconds", 7200L)
        .containsEntry("etaSeconds", 36000L);
    assertThat(StatusView.text(rows, now))
        .contains("drives:  0=TFA00002")
        .contains("DEEP_ARCHIVE: 2 tapes")
        .contains("TFA00006 RETRIEVING  elapsed 2h00m00s  ETA 10h00m00s");
  }

  @Test
  void progress_redrawsOneLineOnATerminal_andPrintsPlainLinesOtherwise() {
    StringWriter tty = new StringWriter();
    Progress p = new Progress(new PrintWriter(tty), true, T0);
    p.show("0/1 online", T0.plusSeconds(5), T0.plusSeconds(65));
    p.show("0/1 online", T0.plusSeconds(10), T0.plusSeconds(65));
    p.done();
    assertThat(tty.toString())
        .isEqualTo("\r0/1 online  elapsed 5s  ETA 1m00s\r0/1 online  elapsed 10s  ETA 55s \n");
    StringWriter plain = new StringWriter();
    Progress q = new Progress(new PrintWriter(plain), false, T0);
    q.show("0/1 online", T0.plusSeconds(5), null);
    q.show("0/1 online", T0.plusSeconds(10), null);
    q.show("1/1 online", T0.plusSeconds(15), null);
    q.done();
    assertThat(plain.toString())
        .isEqualTo("0/1 online  elapsed 5s\n1/1 online  elapsed 15s\n")
        .doesNotContain("\r");
  }

  @Test
  void aBadBarcode_isRefusedWithExitTwo_beforeAnythingIsSent() {
    assertThat(run("tapes", "archive", "TFA00001", "tfa-1", "--config", EXAMPLE)).isEqualTo(2);
    assertThat(err).contains("barcode 'tfa-1' is invalid").doesNotContain("TFA00001:");
    assertThat(out).isEmpty();
    assertThat(run("tapes", "show", "AB", "--config", EXAMPLE)).isEqualTo(2);
    assertThat(err).contains("barcode 'AB' is invalid");
  }

  @Test
  void anUnknownPool_isRefusedWithExitTwo_namingTheConfiguredOnes() {
    assertThat(run("tapes", "create", "--pool", "Nope", "--count", "2", "--config", EXAMPLE))
        .isEqualTo(2);
    assertThat(err).contains("unknown pool 'Nope': the configured pools are Offsite");
    assertThat(out).isEmpty();
    assertThat(run("tapes", "list", "--pool", "Nope", "--config", EXAMPLE)).isEqualTo(2);
    assertThat(err).contains("unknown pool 'Nope'");
  }

  @Test
  void badCountsStatesAndJobs_areRefusedWithExitTwo() {
    assertThat(run("tapes", "create", "--pool", "Offsite", "--count", "0", "--config", EXAMPLE))
        .isEqualTo(2);
    assertThat(err).contains("--count must be 1 to 100, got 0");
    assertThat(run("tapes", "list", "--state", "SHINY", "--config", EXAMPLE)).isEqualTo(2);
    assertThat(run("restore", "--job", "-3", "--config", EXAMPLE)).isEqualTo(2);
    assertThat(err).contains("--job must be a positive JobId");
    assertThat(run("tapes", "list", "--config", "/nonexistent/tapeflow.yaml")).isEqualTo(2);
  }
}
