package io.tapeflow.changer.mtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerCommandException;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.IllegalRequestException;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger.MoveOutcome;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.UnitAttentionException;
import io.tapeflow.changer.UnknownAddressException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.testing.MtxStatusText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mtx transport against a stand-in {@code mtx} script that records its arguments and answers
 * from files (the real mtx against tgt runs in the integration tests).
 */
class MtxMediumChangerTest {
  static final String FAKE_MTX =
      """
      #!/bin/sh
      # Stand-in for mtx in unit tests: records the call, answers from files next to it.
      dir="$(dirname "$0")"
      echo "$* env=${TAPEFLOW_FAKE_MTX_ENV:-}" >> "$dir/calls.log"
      sub="$3"
      [ -f "$dir/$sub.sleep" ] && exec sleep "$(cat "$dir/$sub.sleep")"
      [ -f "$dir/$sub.out" ] && cat "$dir/$sub.out"
      [ -f "$dir/$sub.err" ] && cat "$dir/$sub.err" >&2
      exit "$(cat "$dir/$sub.rc" 2>/dev/null || echo 0)"
      """;

  @TempDir Path dir;
  Path mtx;
  MtxMediumChanger changer;

  @BeforeEach
  void fakeMtx() throws IOException {
    mtx = dir.resolve("mtx");
    Files.writeString(mtx, FAKE_MTX);
    Files.setPosixFilePermissions(mtx, PosixFilePermissions.fromString("rwxr-xr-x"));
    status(
        new MtxStatusText("/dev/sg8", 2, 4, 2, true)
            .slot(1, "TAP001")
            .slot(5, "IMP001")
            .drive(0, "DRV001", 2));
    changer = open(Map.of("TAPEFLOW_FAKE_MTX_ENV", "shim-loaded"));
  }

  MtxMediumChanger open(Map<String, String> env) {
    return open(
        MtxMediumChanger.Options.newBuilder().setExecutable(mtx).setEnvironment(env).build());
  }

  /** The changer on /dev/sg8 with a lock of its own (how the lock is keyed: ChangersTest). */
  MtxMediumChanger open(MtxMediumChanger.Options options) {
    return new MtxMediumChanger(
        ChangerUri.parse("mtx:/dev/sg8"),
        io.tapeflow.changer.ChangerLock.forIdentity(dir.resolve("locks"), "test-changer"),
        options);
  }

  void status(MtxStatusText t) throws IOException {
    Files.writeString(dir.resolve("status.out"), t.toString());
  }

  void answer(String sub, int rc, String stdout, String stderr) throws IOException {
    Files.writeString(dir.resolve(sub + ".rc"), Integer.toString(rc));
    Files.writeString(dir.resolve(sub + ".out"), stdout);
    Files.writeString(dir.resolve(sub + ".err"), stderr);
  }

  List<String> calls() throws IOException {
    return Files.readAllLines(dir.resolve("calls.log"));
  }

  @Test
  void inventory_runsMtxStatusWithTheInjectedEnvironment() throws IOException {
    Inventory inv = changer.inventory();

    assertThat(inv.ofType(ElementType.DRIVE)).hasSize(2);
    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(4);
    assertThat(inv.ofType(ElementType.IMPORT_EXPORT)).hasSize(2);
    assertThat(inv.locate("DRV001").orElseThrow().source()).isEqualTo(2);
    assertThat(calls()).containsExactly("-f /dev/sg8 status env=shim-loaded");
  }

  @Test
  void slotToDrive_isLoad_driveToSlot_isUnload_slotToSlot_isTransfer() throws IOException {
    changer.move(ElementAddress.storage(1), ElementAddress.drive(1));
    changer.move(ElementAddress.drive(0), ElementAddress.storage(3));
    changer.move(ElementAddress.importExport(5), ElementAddress.storage(4));

    assertThat(calls())
        .filteredOn(c -> !c.contains(" status "))
        .containsExactly(
            "-f /dev/sg8 load 1 1 env=shim-loaded",
            "-f /dev/sg8 unload 3 0 env=shim-loaded",
            "-f /dev/sg8 transfer 5 4 env=shim-loaded");
  }

  @Test
  void plainNumberNamingADriveAndASlot_isRefusedBeforeAnyMove() throws IOException {
    assertThatThrownBy(() -> changer.move(1, 3))
        .isInstanceOf(UnknownAddressException.class)
        .hasMessageContaining("names drive 1 and slot 1")
        .hasMessageContaining("drive:1 or slot:1");
    assertThat(calls()).allMatch(c -> c.contains(" status "));
  }

  @Test
  void plainNumbersThatAreUnique_work() throws IOException {
    changer.move(5, 4);

    assertThat(calls()).contains("-f /dev/sg8 transfer 5 4 env=shim-loaded");
  }

  @Test
  void driveToDrive_isRefusedAsMtxCannotDoIt() {
    assertThatThrownBy(() -> changer.move(ElementAddress.drive(0), ElementAddress.drive(1)))
        .isInstanceOf(IllegalRequestException.class)
        .hasMessageContaining("unload it to a free slot first");
  }

  @Test
  void ensureAt_alreadyThere_runsNoMove() throws IOException {
    assertThat(changer.ensureAt("IMP001", 5)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(calls()).allMatch(c -> c.contains(" status "));
  }

  @Test
  void ensureAt_typedDrive_loadsFromWhereverTheTapeIs() throws IOException {
    assertThat(changer.ensureAt("TAP001", ElementAddress.drive(1))).isEqualTo(MoveOutcome.MOVED);
    assertThat(calls()).contains("-f /dev/sg8 load 1 1 env=shim-loaded");
  }

  @Test
  void ensureIn_storage_transfersToTheFirstFreeSlot() throws IOException {
    assertThat(changer.ensureIn("IMP001", ElementType.STORAGE).element())
        .isEqualTo(ElementAddress.storage(2));
    assertThat(calls()).contains("-f /dev/sg8 transfer 5 2 env=shim-loaded");
  }

  @Test
  void mtxSaysSourceEmpty_isSourceEmpty() throws IOException {
    answer("transfer", 1, "", "Source Element Address 1005 is Empty\n");

    assertThatThrownBy(() -> changer.move(5, 4))
        .isInstanceOf(SourceEmptyException.class)
        .hasMessageContaining("I/E slot 5");
  }

  @Test
  void mtxSaysDestinationFull_isDestinationFull() throws IOException {
    answer("load", 1, "", "Drive 1 Full (Storage Element 3 loaded)\n");

    assertThatThrownBy(() -> changer.move(ElementAddress.storage(1), ElementAddress.drive(1)))
        .isInstanceOf(DestinationFullException.class)
        .hasMessageContaining("drive 1");
  }

  @Test
  void mtxPrintsRemovalPreventedSense_isMappedLikeTheSmcTransport() throws IOException {
    answer(
        "unload",
        1,
        "",
        """
        mtx: Request Sense: Long Report=yes
        mtx: Request Sense: Valid Residual=no
        mtx: Request Sense: Error Code=70 (Current)
        mtx: Request Sense: Sense Key=Illegal Request
        mtx: Request Sense: FileMark=no
        mtx: Request Sense: EOM=no
        mtx: Request Sense: ILI=no
        mtx: Request Sense: Additional Sense Code = 53
        mtx: Request Sense: Additional Sense Qualifier = 02
        mtx: Request Sense: BPV=no
        mtx: Request Sense: Error in CDB=no
        mtx: Request Sense: SKSV=no
        MOVE MEDIUM from Element Address 10000 to 20002 Failed
        """);

    assertThatThrownBy(() -> changer.move(ElementAddress.drive(0), ElementAddress.storage(3)))
        .isInstanceOf(MediumRemovalPreventedException.class)
        .hasMessageContaining("05/53/02");
  }

  @Test
  void mtxPrintsUnitAttention_isReadAgainAndRetriedThenEscapesAfterTheBound() throws IOException {
    answer(
        "transfer",
        1,
        "",
        """
        mtx: Request Sense: Sense Key=Unit Attention
        mtx: Request Sense: Additional Sense Code = 29
        mtx: Request Sense: Additional Sense Qualifier = 00
        """);

    assertThatThrownBy(() -> changer.move(5, 4)).isInstanceOf(UnitAttentionException.class);
    assertThat(calls()).filteredOn(c -> c.contains(" transfer ")).hasSize(6);
  }

  @Test
  void mtxRefusesTheSlotNumber_isUnknownAddress() throws IOException {
    answer("load", 1, "", "Invalid <storage-element-number> argument '21' to 'load' command\n");

    assertThatThrownBy(() -> changer.move(ElementAddress.storage(1), ElementAddress.drive(1)))
        .isInstanceOf(UnknownAddressException.class)
        .hasMessageContaining("Invalid <storage-element-number> argument '21'");
  }

  @Test
  void deviceCannotBeOpened_isANonRetryableTransportFailure() throws IOException {
    answer("status", 1, "", "cannot open SCSI device '/dev/sg8' - No such file or directory\n");

    assertThatThrownBy(changer::inventory)
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("cannot open SCSI device")
        .matches(e -> !((ScsiTransportException) e).retryable());
  }

  @Test
  void unknownFailureText_isAGenericFailureWithTheLastLine() throws IOException {
    answer("inventory", 1, "", "mtx:inventory failed\n");

    assertThatThrownBy(changer::initializeElementStatus)
        .isInstanceOf(ChangerCommandException.class)
        .hasMessageContaining(
            "mtx -f /dev/sg8 inventory failed (mtx exit 1): mtx:inventory failed");
  }

  @Test
  void garbledStatus_isMalformed() throws IOException {
    Files.writeString(dir.resolve("status.out"), "something else\n");

    assertThatThrownBy(changer::inventory)
        .isInstanceOf(io.tapeflow.changer.MalformedResponseException.class);
  }

  @Test
  void missingExecutable_saysToInstallMtx() {
    MtxMediumChanger c =
        open(
            MtxMediumChanger.Options.newBuilder()
                .setExecutable(dir.resolve("no-such-mtx"))
                .build());

    assertThatThrownBy(c::inventory)
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("install the Debian package mtx");
  }

  @Test
  void hungMtx_isStoppedAfterTheTimeout() throws IOException {
    Files.writeString(dir.resolve("status.sleep"), "60");
    MtxMediumChanger.Options o =
        MtxMediumChanger.Options.newBuilder()
            .setExecutable(mtx)
            .setTimeout(Duration.ofMillis(300))
            .setInitializeTimeout(Duration.ofMinutes(1))
            .setLockTimeout(Duration.ofMinutes(1))
            .build();
    MtxMediumChanger c = open(o);

    assertThatThrownBy(c::inventory)
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("did not finish")
        .matches(e -> ((ScsiTransportException) e).retryable());
  }

  @Test
  void nonMtxUri_isRefused() {
    assertThatThrownBy(
            () ->
                new MtxMediumChanger(
                    ChangerUri.parse("/dev/sg8"),
                    io.tapeflow.changer.ChangerLock.forIdentity(dir, "x"),
                    MtxMediumChanger.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
