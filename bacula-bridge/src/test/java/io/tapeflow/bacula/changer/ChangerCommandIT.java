package io.tapeflow.bacula.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Changer Command's contract, one operation at a time, against a real tgt library (2 drives,
 * storage slots 1-6 at 20000.., import/export slots 7-8 at 30000..).
 */
class ChangerCommandIT {
  private static final Map<String, Integer> HOME =
      Map.of("TFL001", 20000, "TFL002", 20001, "TFL003", 20002, "TFL009", 30000);
  @TempDir static Path locks;
  static VtlFixture vtl;

  @BeforeAll
  static void library() {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(6)
            .ie(2)
            .tape("TFL001", 20000)
            .tape("TFL002", 20001)
            .tape("TFL003", 20002)
            .tape("TFL009", 30000)
            .start();
  }

  @AfterAll
  static void stop() {
    if (vtl != null) {
      vtl.close();
    }
  }

  /** Every tape back in its first place, whatever the previous test did. */
  @BeforeEach
  void reset() {
    try (MediumChanger c = StandardChangerOpener.INSTANCE.open(vtl.changerUri(), locks)) {
      HOME.forEach((barcode, address) -> c.ensureAt(barcode, address));
    }
  }

  private ChangerReply call(String... args) {
    List<String> a = new ArrayList<>(List.of("--lock-dir", locks.toString(), vtl.changerUri()));
    a.addAll(List.of(args));
    return ChangerCommandMain.run(a, StandardChangerOpener.INSTANCE);
  }

  private Inventory inventory() {
    try (MediumChanger c = StandardChangerOpener.INSTANCE.open(vtl.changerUri(), locks)) {
      return c.inventory();
    }
  }

  private Element at(int address) {
    return inventory().at(address).orElseThrow();
  }

  @Test
  void slots_countsStorageAndImportExportSlots() {
    assertThat(call("slots", "0", "/dev/null", "0")).isEqualTo(ChangerReply.ok("8\n"));
  }

  @Test
  void list_showsStorageSlotsOnly_neverAnImportExportSlot() {
    assertThat(call("list", "0", "/dev/null", "0"))
        .isEqualTo(ChangerReply.ok("1:TFL001\n2:TFL002\n3:TFL003\n"));
  }

  @Test
  void listAll_showsDrivesStorageAndImportExportSlots() {
    assertThat(call("listall", "0", "/dev/null", "0").stdout())
        .isEqualTo(
            """
            D:0:E
            D:1:E
            S:1:F:TFL001
            S:2:F:TFL002
            S:3:F:TFL003
            S:4:E
            S:5:E
            S:6:E
            I:7:F:TFL009
            I:8:E
            """);
  }

  @Test
  void load_movesTheSlotsTapeIntoTheDrive_andLoadedAndListFollow() {
    assertThat(call("loaded", "2", "/dev/null", "1")).isEqualTo(ChangerReply.ok("0\n"));
    assertThat(call("load", "2", "/dev/null", "1")).isEqualTo(ChangerReply.ok(""));
    assertThat(at(10001).barcode()).isEqualTo("TFL002");
    assertThat(at(20001).full()).isFalse();
    assertThat(call("loaded", "0", "/dev/null", "1")).isEqualTo(ChangerReply.ok("2\n"));
    assertThat(call("list", "0", "/dev/null", "0").stdout())
        .isEqualTo("1:TFL001\n3:TFL003\n2:TFL002\n");
    assertThat(call("listall", "0", "/dev/null", "0").stdout()).contains("D:1:F:2:TFL002\n");
  }

  @Test
  void load_ofTheTapeAlreadyInThatDrive_succeedsWithoutMoving() {
    assertThat(call("load", "1", "/dev/null", "0").exitCode()).isZero();
    Inventory before = inventory();
    assertThat(call("load", "1", "/dev/null", "0")).isEqualTo(ChangerReply.ok(""));
    assertThat(inventory()).isEqualTo(before);
  }

  @Test
  void load_intoAFullDrive_failsNamingWhatIsLoaded_andMovesNothing() {
    call("load", "1", "/dev/null", "0");
    Inventory before = inventory();
    ChangerReply r = call("load", "3", "/dev/null", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).contains("Drive 0 Full").contains("TFL001");
    assertThat(inventory()).isEqualTo(before);
  }

  @Test
  void load_ofAnEmptySlot_fails() {
    ChangerReply r = call("load", "5", "/dev/null", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).contains("source Element Address 5 is Empty");
    assertThat(at(10000).full()).isFalse();
  }

  @Test
  void unload_returnsTheTapeToTheSlotTheStorageDaemonNames() {
    call("load", "2", "/dev/null", "1");
    assertThat(call("unload", "2", "/dev/null", "1")).isEqualTo(ChangerReply.ok(""));
    assertThat(at(20001).barcode()).isEqualTo("TFL002");
    assertThat(at(10001).full()).isFalse();
  }

  @Test
  void unload_ofAnEmptyDrive_succeedsWithoutMoving() {
    Inventory before = inventory();
    assertThat(call("unload", "4", "/dev/null", "0")).isEqualTo(ChangerReply.ok(""));
    assertThat(inventory()).isEqualTo(before);
  }

  @Test
  void unload_toAFullSlot_failsNamingBoth_andMovesNothing() {
    call("load", "2", "/dev/null", "1");
    Inventory before = inventory();
    ChangerReply r = call("unload", "3", "/dev/null", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).contains("TFL002").contains("slot 3").contains("TFL003");
    assertThat(inventory()).isEqualTo(before);
  }

  @Test
  void transfer_importsFromAnImportExportSlot() {
    assertThat(call("transfer", "7", "4")).isEqualTo(ChangerReply.ok(""));
    assertThat(at(20003).barcode()).isEqualTo("TFL009");
    assertThat(call("list", "0", "/dev/null", "0").stdout()).contains("4:TFL009\n");
    ChangerReply again = call("transfer", "7", "5");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stdout()).contains("source Element Address 7 is Empty");
    ChangerReply full = call("transfer", "1", "2");
    assertThat(full.exitCode()).isEqualTo(1);
    assertThat(full.stdout()).contains("destination Element Address 2 is Full");
  }

  @Test
  void anUnknownSlotOrDrive_failsNamingTheLibrarysRange() {
    assertThat(call("load", "9", "/dev/null", "0").stdout()).contains("slots 1-8");
    assertThat(call("loaded", "0", "/dev/null", "2").stdout()).contains("drives 0-1");
  }

  @Test
  void asAProcess_loadedPrintsOnlyTheNumber_andNothingEverReachesStderr() throws Exception {
    Result loaded = process("loaded", "0", "/dev/null", "0");
    assertThat(loaded.exit).isZero();
    assertThat(loaded.stdout).isEqualTo("0\n");
    assertThat(loaded.stderr).isEmpty();
    Result failed = process("load", "5", "/dev/null", "0");
    assertThat(failed.exit).isEqualTo(1);
    assertThat(failed.stdout).contains("Empty").endsWith("\n");
    assertThat(failed.stderr).isEmpty();
    Result usage = process("bogus");
    assertThat(usage.exit).isEqualTo(1);
    assertThat(usage.stderr).isEmpty();
  }

  @Test
  void aMoveWaitsForTheHostWideLockThatTapeflowsOwnMovesTake() throws Exception {
    ChangerLock lock =
        ChangerLock.forIdentity(
            locks,
            ChangerLock.identity(
                "AWS",
                "Gateway-VTL",
                vtl.get("CHANGER_SERIAL"),
                ChangerUri.parse(vtl.changerUri())));
    CompletableFuture<ChangerReply> load;
    ChangerLock.Held held = lock.acquire(Duration.ofSeconds(10), "test");
    try {
      load = CompletableFuture.supplyAsync(() -> call("load", "1", "/dev/null", "0"));
      Thread.sleep(1500);
      assertThat(load).as("the load must wait for the lock").isNotDone();
      assertThat(at(10000).full()).isFalse();
    } finally {
      held.close();
    }
    assertThat(load.get(60, TimeUnit.SECONDS)).isEqualTo(ChangerReply.ok(""));
    assertThat(at(10000).barcode()).isEqualTo("TFL001");
  }

  @Test
  void throughTheChangerService_answersAsTheDirectCall_andFallsBackWhenNoneListens()
      throws IOException {
    Path socket = locks.resolve("changer.sock");
    List<String> direct =
        List.of("--lock-dir", locks.toString(), vtl.changerUri(), "listall", "0", "/dev/null", "0");
    ChangerReply expected = ChangerCommandMain.run(direct, StandardChangerOpener.INSTANCE);
    List<String> viaSocket = new ArrayList<>(List.of("--socket", socket.toString()));
    viaSocket.addAll(direct);
    try (ChangerService service =
        new ChangerService(socket, StandardChangerOpener.INSTANCE, locks, DriveReadiness.NONE)
            .start()) {
      assertThat(ChangerClient.call(socket, direct.subList(2, direct.size()))).contains(expected);
      assertThat(
              ChangerCommandMain.run(
                  viaSocket,
                  (d, l) -> {
                    throw new AssertionError("the service must answer, not a direct call");
                  }))
          .isEqualTo(expected);
      assertThat(service.socket()).exists();
    }
    assertThat(socket).doesNotExist();
    assertThat(ChangerClient.call(socket, List.of("x", "slots"))).isEmpty();
    assertThat(ChangerCommandMain.run(viaSocket, StandardChangerOpener.INSTANCE))
        .isEqualTo(expected);
  }

  record Result(int exit, String stdout, String stderr) {}

  private Result process(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ChangerCommandMain.class.getName(),
                "--lock-dir",
                locks.toString(),
                vtl.changerUri()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
  }
}
