package io.tapeflow.changer;

import static io.tapeflow.changer.testing.FaultInjectingFakeLibrary.checkCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.MediumChanger.MoveOutcome;
import io.tapeflow.changer.MediumChanger.Placement;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.changer.testing.FaultInjectingFakeLibrary;
import io.tapeflow.changer.testing.ScriptedFakeTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmcMediumChangerTest {
  static final ChangerUri URI =
      ChangerUri.parse("iscsi://127.0.0.1:3260/iqn.1997-05.com.amazon:sgw-test-mediachanger/1");
  static final int RES = SmcCommands.READ_ELEMENT_STATUS;
  static final int MODE_SENSE = SmcCommands.MODE_SENSE_6;
  static final int MOVE = SmcCommands.MOVE_MEDIUM;

  @TempDir Path lockDir;
  final List<Duration> sleeps = new ArrayList<>();
  FaultInjectingFakeLibrary lib;

  @BeforeEach
  void smallLibrary() {
    lib = FaultInjectingFakeLibrary.awsShaped(2, 6, 4);
    lib.put(20001, "TAP001").put(30000, "IMP001").put(10000, "DRV001");
  }

  SmcMediumChanger changer(FaultInjectingFakeLibrary l) {
    return changer(l, options());
  }

  SmcMediumChanger changer(FaultInjectingFakeLibrary l, SmcMediumChanger.Options o) {
    return SmcMediumChanger.open(l, URI, lockDir, o);
  }

  SmcMediumChanger.Options options() {
    return SmcMediumChanger.Options.newBuilder().setSleeper(sleeps::add).build();
  }

  // --- inventory

  @Test
  void inventory_awsSizedLibrary_isFourElementStatusRoundTrips_andModeSenseOnlyOnce() {
    FaultInjectingFakeLibrary aws = FaultInjectingFakeLibrary.awsShaped(10, 1600, 1600);
    for (int i = 0; i < 1600; i++) {
      aws.put(20000 + i, String.format("TAP%05d", i));
    }
    aws.put(30000, "IMP00001");
    SmcMediumChanger c = changer(aws);
    aws.forgetCommands();

    Inventory first = c.inventory();
    long firstRes = aws.count(RES);
    long firstModeSense = aws.count(MODE_SENSE);
    aws.forgetCommands();
    Inventory second = c.inventory();

    System.out.printf(
        "AWS-sized inventory: first %d READ ELEMENT STATUS + %d MODE SENSE, then %d commands%n",
        firstRes, firstModeSense, aws.commands().size());
    assertThat(firstRes).isEqualTo(4);
    assertThat(firstModeSense).isEqualTo(1);
    assertThat(aws.commands()).hasSize(4).allMatch(cmd -> cmd.opcode() == RES);
    assertThat(first.elements()).hasSize(3211);
    assertThat(first.ofType(ElementType.TRANSPORT)).hasSize(1);
    assertThat(first.ofType(ElementType.DRIVE)).hasSize(10);
    assertThat(first.ofType(ElementType.STORAGE)).hasSize(1600).allMatch(Element::full);
    assertThat(first.ofType(ElementType.IMPORT_EXPORT)).hasSize(1600);
    assertThat(first.at(21599))
        .contains(new Element(ElementType.STORAGE, 21599, true, "TAP01599", null));
    assertThat(first.at(30000).orElseThrow().barcode()).isEqualTo("IMP00001");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void inventory_reportCutByTheAllocationLimit_isPagedFromTheLastCompleteElement() {
    FaultInjectingFakeLibrary big = FaultInjectingFakeLibrary.awsShaped(2, 200, 4).shortBy(0);
    for (int i = 0; i < 200; i += 3) {
      big.put(20000 + i, "P" + i);
    }
    SmcMediumChanger c = changer(big, options().toBuilder().setMaxAllocation(1024).build());

    Inventory inv = c.inventory();

    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(200);
    assertThat(inv.ofType(ElementType.STORAGE).stream().filter(Element::full)).hasSize(67);
    assertThat(inv.at(20198).orElseThrow().barcode()).isEqualTo("P198");
    long storageCalls =
        big.commands().stream()
            .filter(cmd -> cmd.opcode() == RES && (cmd.cdb()[1] & 0x0F) == 2)
            .count();
    assertThat(storageCalls).isGreaterThan(1);
  }

  @Test
  void inventory_tgtShortLastDescriptorCutBeforeItsTag_isReadAgainNotGuessed() {
    lib.shortBy(0).put(20005, "LAST01");
    lib.inject(
        cmd -> cmd.opcode() == RES && (cmd.cdb()[1] & 0x0F) == 2,
        cutStorageReport(lib, 16 + 6 * 52 - 20));
    SmcMediumChanger c = changer(lib);

    Inventory inv = c.inventory();

    assertThat(inv.at(20005).orElseThrow().barcode()).isEqualTo("LAST01");
  }

  private static ScsiResponse cutStorageReport(FaultInjectingFakeLibrary l, int length) {
    ScsiResponse r =
        l.execute(
            ScsiCommand.dataIn(
                io.tapeflow.changer.smc.ElementStatusRequest.ofType(
                        ElementType.STORAGE, 20000, 4096)
                    .toCdb(),
                4096,
                Duration.ofSeconds(1)));
    return ScsiResponse.of(0, java.util.Arrays.copyOf(r.data(), length), new byte[0]);
  }

  @Test
  void inventory_descriptorCutBeforeItsTagEveryTime_isMalformedNotAWrongInventory() {
    lib.put(20005, "LAST01").shortBy(20);

    assertThatThrownBy(() -> changer(lib).inventory())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("slot 20005 before its volume tag in every report");
  }

  @Test
  void inventory_unitAttentionMidPass_restartsThePassWithAFreshPage() {
    SmcMediumChanger c = changer(lib);
    c.inventory();
    lib.forgetCommands();
    lib.inject(
        cmd -> cmd.opcode() == RES && (cmd.cdb()[1] & 0x0F) == 2, checkCondition(6, 0x29, 0x00));

    Inventory inv = c.inventory();

    assertThat(inv.at(20001).orElseThrow().barcode()).isEqualTo("TAP001");
    assertThat(lib.count(MODE_SENSE)).isEqualTo(1);
    assertThat(lib.count(RES)).isEqualTo(3 + 4);
  }

  @Test
  void inventory_unitAttentionsWithoutEnd_failAfterTheBound() {
    SmcMediumChanger c = changer(lib);
    for (int i = 0; i < 6; i++) {
      lib.inject(RES, checkCondition(6, 0x28, 0x00));
    }

    assertThatThrownBy(c::inventory)
        .isInstanceOf(UnitAttentionException.class)
        .hasMessageContaining("06/28/00");
    assertThat(lib.count(RES)).isEqualTo(6);
  }

  @Test
  void inventory_cachedPageDisagreesWithTheLibrary_isReadAgain() {
    SmcMediumChanger c = changer(lib);
    c.inventory();
    lib.addElements(ElementType.STORAGE, 20006, 2);
    lib.forgetCommands();

    Inventory inv = c.inventory();

    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(8);
    assertThat(lib.count(MODE_SENSE)).isEqualTo(1);
  }

  @Test
  void inventory_becomingReady_isRetriedWithBackoff() {
    SmcMediumChanger c = changer(lib);
    lib.inject(RES, checkCondition(2, 0x04, 0x01))
        .inject(RES, checkCondition(2, 0x04, 0x01))
        .inject(RES, checkCondition(2, 0x04, 0x01));

    c.inventory();

    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void inventory_notReadyForTooLong_failsRetryable() {
    SmcMediumChanger c = changer(lib);
    for (int i = 0; i < 7; i++) {
      lib.inject(MODE_SENSE, checkCondition(2, 0x04, 0x01));
    }

    assertThatThrownBy(c::inventory)
        .isInstanceOf(ChangerNotReadyException.class)
        .matches(e -> ((ChangerException) e).retryable());
    assertThat(sleeps).hasSize(6).endsWith(Duration.ofSeconds(30));
  }

  @Test
  void inventory_manualInterventionRequired_isNotRetried() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MODE_SENSE, checkCondition(2, 0x04, 0x03));

    assertThatThrownBy(c::inventory).isInstanceOf(ChangerNotReadyException.class);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void inventory_initializingCommandRequired_sendsInitializeElementStatusOnce() {
    SmcMediumChanger c = changer(lib);
    lib.forgetCommands();
    lib.inject(MODE_SENSE, checkCondition(2, 0x04, 0x02));

    c.inventory();

    assertThat(lib.commands().subList(0, 3))
        .extracting(ScsiCommand::opcode)
        .containsExactly(MODE_SENSE, SmcCommands.INITIALIZE_ELEMENT_STATUS, MODE_SENSE);
  }

  @Test
  void inventory_recoveredErrorCountsAsSuccess_busyIsRetried() {
    SmcMediumChanger c = changer(lib);
    lib.inject(RES, ScsiResponse.of(ScsiResponse.BUSY, new byte[0], new byte[0]));
    lib.inject(MODE_SENSE, checkCondition(1, 0x5D, 0x00));

    assertThatThrownBy(c::inventory).isInstanceOf(MalformedResponseException.class);
    lib.forgetCommands();
    assertThat(c.inventory().elements()).hasSize(13);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void inventory_modeSense6Unsupported_fallsBackToModeSense10() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MODE_SENSE, checkCondition(5, 0x20, 0x00));

    assertThat(c.inventory().elements()).hasSize(13);
    assertThat(lib.count(SmcCommands.MODE_SENSE_10)).isEqualTo(1);
  }

  @Test
  void inventory_garbageReport_isMalformed() {
    SmcMediumChanger c = changer(lib);
    lib.inject(
        RES,
        ScsiResponse.of(
            0,
            io.tapeflow.changer.testing.Hex.bytes(
                "00 00 00 01 00 00 00 10 07 80 00 34 00 00 00 34"),
            new byte[0]));

    assertThatThrownBy(c::inventory)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("element type code 7");
  }

  // --- open

  @Test
  void open_tapeDriveLun_isRefused() {
    assertThatThrownBy(() -> changer(lib.deviceType(0x01)))
        .isInstanceOf(WrongDeviceException.class)
        .hasMessageContaining("is not a medium changer")
        .hasMessageContaining("a tape drive");
  }

  @Test
  void open_locksByVendorProductSerial_orByUriWithoutSerial() {
    SmcMediumChanger withSerial = changer(lib);
    SmcMediumChanger without = changer(FaultInjectingFakeLibrary.awsShaped(1, 1, 1).serial(null));

    assertThat(withSerial.lock().identity()).isEqualTo("AWS/Gateway-VTL/SGW00000");
    assertThat(without.lock().identity()).isEqualTo("uri:" + URI.canonical());
  }

  // --- moves

  @Test
  void move_sendsOneMoveWithTheTransportAddress() {
    SmcMediumChanger c = changer(lib);
    lib.forgetCommands();

    c.move(30000, 20002);

    ScsiCommand move =
        lib.commands().stream().filter(x -> x.opcode() == MOVE).findFirst().orElseThrow();
    assertThat(move.cdb()).isEqualTo(SmcCommands.moveMedium(1, 30000, 20002));
    assertThat(lib.barcodeAt(20002)).isEqualTo("IMP001");
    assertThat(lib.count(MOVE)).isEqualTo(1);
  }

  @Test
  void move_unknownAddress_isRefusedBeforeAnyMove() {
    SmcMediumChanger c = changer(lib);

    assertThatThrownBy(() -> c.move(20001, 25000))
        .isInstanceOf(UnknownAddressException.class)
        .hasMessageContaining("element address 25000 is not in this library")
        .hasMessageContaining("slots 20000-20005");
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void move_typedAddressOfTheWrongType_isRefusedBeforeAnyMove() {
    SmcMediumChanger c = changer(lib);

    assertThatThrownBy(() -> c.move(ElementAddress.drive(20001), ElementAddress.storage(20002)))
        .isInstanceOf(UnknownAddressException.class)
        .hasMessageContaining("drive 20001 is not in this library");
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void move_fromAnEmptySlot_isRefusedBeforeAnyMove() {
    SmcMediumChanger c = changer(lib);

    assertThatThrownBy(() -> c.move(20000, 20002))
        .isInstanceOf(SourceEmptyException.class)
        .hasMessageStartingWith("slot 20000 of " + URI + " is empty");
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void move_toAFullSlot_namesTheCartridgeThereAndIsRefused() {
    SmcMediumChanger c = changer(lib);

    assertThatThrownBy(() -> c.move(30000, 20001))
        .isInstanceOf(DestinationFullException.class)
        .hasMessageStartingWith("slot 20001 of " + URI + " already holds TAP001")
        .hasMessageEndingWith("run `tapeflow changer status` and retry with a free slot");
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void move_deviceSaysDestinationFull_isTypedWithTheDevicesCondition() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MOVE, checkCondition(5, 0x3B, 0x0D));

    assertThatThrownBy(() -> c.move(30000, 20002))
        .isInstanceOf(DestinationFullException.class)
        .matches(e -> ((DestinationFullException) e).condition().orElseThrow().is(5, 0x3B, 0x0D));
  }

  @Test
  void move_removalPrevented_isTyped() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MOVE, checkCondition(5, 0x53, 0x02));

    assertThatThrownBy(() -> c.move(10000, 20002))
        .isInstanceOf(MediumRemovalPreventedException.class)
        .hasMessageContaining("drive 10000");
  }

  @Test
  void move_missingTapeImage_isAHardwareError() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MOVE, checkCondition(4, 0x15, 0x01));

    assertThatThrownBy(() -> c.move(20001, 10001))
        .isInstanceOf(ChangerHardwareException.class)
        .hasMessageContaining("tape image may be missing");
  }

  @Test
  void move_unitAttention_readsTheInventoryAgainAndRetries() {
    SmcMediumChanger c = changer(lib);
    lib.inject(MOVE, checkCondition(6, 0x29, 0x00));

    c.move(20001, 20003);

    assertThat(lib.barcodeAt(20003)).isEqualTo("TAP001");
    assertThat(lib.count(MOVE)).isEqualTo(2);
  }

  @Test
  void move_unitAttentionAfterTheTapeWasMovedElsewhere_revalidatesAndRefuses() {
    SmcMediumChanger c = changer(lib);
    lib.inject(
        cmd -> {
          if (cmd.opcode() == MOVE) {
            lib.moveBehindTheBack(20001, 20004);
            return true;
          }
          return false;
        },
        checkCondition(6, 0x28, 0x00));

    assertThatThrownBy(() -> c.move(20001, 20003)).isInstanceOf(SourceEmptyException.class);
    assertThat(lib.count(MOVE)).isEqualTo(1);
  }

  @Test
  void move_whileTheLockIsHeldElsewhere_waitsAndReportsBusy() throws Exception {
    SmcMediumChanger.Options o =
        options().toBuilder().setLockTimeout(Duration.ofMillis(200)).build();
    SmcMediumChanger c = changer(lib, o);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                c.lock()
                    .call(
                        Duration.ofSeconds(5),
                        "test",
                        () -> {
                          held.countDown();
                          await(release);
                          return null;
                        }));
    try {
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> c.move(20001, 20003)).isInstanceOf(ChangerBusyException.class);
      assertThat(lib.count(MOVE)).isZero();
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
    }
  }

  // --- ensureAt / ensureIn / locate

  @Test
  void ensureAt_whenTapeAlreadyAtDestination_succeedsWithoutMoving() {
    SmcMediumChanger c = changer(lib);

    assertThat(c.ensureAt("TAP001", 30000, 20001)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(c.ensureAt("TAP001", 20001)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void ensureAt_fromTheExpectedSource_movesOnce() {
    SmcMediumChanger c = changer(lib);

    assertThat(c.ensureAt("IMP001", 30000, 20002)).isEqualTo(MoveOutcome.MOVED);
    assertThat(c.ensureAt("IMP001", 30000, 20002)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(lib.count(MOVE)).isEqualTo(1);
  }

  @Test
  void ensureAt_tapeMovedBehindOurBack_failsNamingBothPlacesWithoutMoving() {
    SmcMediumChanger c = changer(lib);
    lib.moveBehindTheBack(30000, 30002);

    assertThatThrownBy(() -> c.ensureAt("IMP001", 30000, 20002))
        .isInstanceOf(UnexpectedLocationException.class)
        .hasMessageContaining("IMP001 was expected in I/E slot 30000")
        .hasMessageContaining("in I/E slot 30002")
        .matches(e -> !((ChangerException) e).retryable());
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void ensureAt_unknownBarcode_isTapeNotFound_andBadBarcodeIsRefused() {
    SmcMediumChanger c = changer(lib);

    assertThatThrownBy(() -> c.ensureAt("NOPE01", 20002))
        .isInstanceOf(TapeNotFoundException.class)
        .hasMessageContaining("NOPE01");
    assertThatThrownBy(() -> c.ensureAt("bad code", 20002))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid barcode 'bad code'");
    assertThat(lib.count(MOVE)).isZero();
  }

  @Test
  void ensureIn_picksTheLowestFreeSlotUnderTheLock() {
    SmcMediumChanger c = changer(lib);

    Placement p = c.ensureIn("IMP001", ElementType.STORAGE);

    assertThat(p).isEqualTo(new Placement(ElementAddress.storage(20000), MoveOutcome.MOVED));
    assertThat(c.ensureIn("IMP001", ElementType.STORAGE).outcome())
        .isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(lib.barcodeAt(20000)).isEqualTo("IMP001");
  }

  @Test
  void ensureIn_noFreeElement_isDestinationFull() {
    SmcMediumChanger c = changer(lib);
    lib.put(10001, "DRV002");

    assertThatThrownBy(() -> c.ensureIn("TAP001", ElementType.DRIVE))
        .isInstanceOf(DestinationFullException.class)
        .hasMessageContaining("every drive of");
  }

  @Test
  void locate_findsTheElement() {
    SmcMediumChanger c = changer(lib);

    assertThat(c.locate("DRV001"))
        .contains(new Element(ElementType.DRIVE, 10000, true, "DRV001", null));
    assertThat(c.locate("NOPE01")).isEmpty();
  }

  @Test
  void initializeElementStatus_isSent() {
    SmcMediumChanger c = changer(lib);

    c.initializeElementStatus();

    assertThat(lib.count(SmcCommands.INITIALIZE_ELEMENT_STATUS)).isEqualTo(1);
  }

  @Test
  void close_closesTheTransport() {
    changer(lib).close();

    assertThat(lib.closed()).isTrue();
  }

  @Test
  void scriptedSequence_unitAttentionOnModeSenseThenGood() {
    byte[] page =
        io.tapeflow.changer.testing.Hex.bytes(
            "17 00 00 00 1D 12 00 01 00 01 4E 20 00 00 75 30 00 00 27 10 00 00 00 00");
    byte[] transport =
        io.tapeflow.changer.testing.Hex.bytes(
            "00 01 00 01 00 00 00 18 01 00 00 10 00 00 00 10 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    ScriptedFakeTransport t =
        new ScriptedFakeTransport()
            .then(MODE_SENSE, checkCondition(6, 0x2A, 0x01))
            .thenGood(MODE_SENSE, page)
            .thenGood(RES, transport);
    SmcMediumChanger c =
        new SmcMediumChanger(
            t, ChangerLock.forIdentity(lockDir, "scripted"), "scripted", options());

    Inventory inv = c.inventory();

    assertThat(inv.elements())
        .containsExactly(new Element(ElementType.TRANSPORT, 1, false, null, null));
    assertThat(t.finished()).isTrue();
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
