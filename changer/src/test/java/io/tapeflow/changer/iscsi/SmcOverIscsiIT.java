package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerCommandException;
import io.tapeflow.changer.ChangerHardwareException;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.IllegalRequestException;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger.MoveOutcome;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.ScsiCondition;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.UnexpectedLocationException;
import io.tapeflow.changer.UnknownAddressException;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.changer.testing.RecordingTransport;
import io.tapeflow.changer.testing.VtlFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SmcMediumChanger over IscsiTransport against tgt: moves among every element type, and every
 * condition of tgt's SMC emulation that it can produce on demand, surfacing as its typed failure. A
 * second, independent iSCSI session plays whoever changes the library behind tapeflow's back.
 */
class SmcOverIscsiIT {
  private static final Duration T = Duration.ofSeconds(10);
  private static final int MOVE = SmcCommands.MOVE_MEDIUM;

  @TempDir Path locks;
  private VtlFixture vtl;
  private RecordingTransport recorded;
  private SmcMediumChanger changer;
  private int drive0;
  private int drive1;

  @BeforeEach
  void up() {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(10)
            .ie(4)
            .tape("TFS001", 20000)
            .tape("TFS002", 20001)
            .tape("TFS003", 20002)
            .tape("TFE001", 30000)
            .start();
    drive0 = vtl.driveAddresses().get(0);
    drive1 = vtl.driveAddresses().get(1);
    recorded = new RecordingTransport(IscsiTransport.open(vtl.changerEndpoint()));
    changer =
        SmcMediumChanger.open(
            recorded,
            ChangerUri.parse(vtl.changerUri()),
            locks,
            SmcMediumChanger.Options.defaults());
  }

  @AfterEach
  void down() {
    if (changer != null) {
      changer.close();
    }
    if (vtl != null) {
      vtl.close();
    }
  }

  /** A second session to the changer, as another initiator would have. */
  private IscsiTransport otherSession() {
    return IscsiTransport.open(vtl.changerEndpoint());
  }

  private static void rawMove(IscsiTransport t, int from, int to) {
    ScsiResponse r = t.execute(ScsiCommand.noData(SmcCommands.moveMedium(1, from, to), T));
    assertThat(r.ok()).as("raw move %d -> %d: %s", from, to, r).isTrue();
  }

  private String at(int address) {
    Element e = changer.inventory().at(address).orElseThrow();
    return e.full() ? e.barcode() : "empty";
  }

  @Test
  void moves_amongStorageImportExportAndDrives_landWhereAsked() {
    changer.move(20000, 30001); // storage -> I/E (export)
    assertThat(at(20000)).isEqualTo("empty");
    assertThat(at(30001)).isEqualTo("TFS001");

    changer.move(30000, 20009); // I/E -> storage (import)
    assertThat(at(20009)).isEqualTo("TFE001");

    changer.move(20001, drive0); // storage -> drive (load)
    Element loaded = changer.inventory().at(drive0).orElseThrow();
    assertThat(loaded.barcode()).isEqualTo("TFS002");
    assertThat(loaded.source()).isEqualTo(20001);

    changer.move(drive0, 30002); // drive -> I/E
    assertThat(at(30002)).isEqualTo("TFS002");
    changer.move(30002, drive1); // I/E -> drive
    changer.move(drive1, 20001); // drive -> storage (unload)
    assertThat(at(20001)).isEqualTo("TFS002");
    assertThat(changer.inventory().ofType(ElementType.DRIVE)).noneMatch(Element::full);
    assertThat(recorded.log().count(MOVE)).isEqualTo(6);
  }

  @Test
  void ensureAt_whenTapeAlreadyAtDestination_succeedsWithoutMoving() {
    assertThat(changer.ensureAt("TFS003", 20002, 20002)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(changer.ensureAt("TFS003", 20002, drive1)).isEqualTo(MoveOutcome.MOVED);
    assertThat(changer.ensureAt("TFS003", 20002, drive1)).isEqualTo(MoveOutcome.ALREADY_THERE);
    assertThat(recorded.log().count(MOVE)).isEqualTo(1);
  }

  @Test
  void ensureIn_choosesTheFirstEmptyElementUnderTheLock() {
    var placed = changer.ensureIn("TFS001", ElementType.IMPORT_EXPORT);
    assertThat(placed.element()).isEqualTo(ElementAddress.importExport(30001));
    assertThat(placed.outcome()).isEqualTo(MoveOutcome.MOVED);
  }

  @Test
  void ensureAt_whenASecondSessionMovedTheTape_failsNamingBothPlaces_andMovesNothing() {
    try (IscsiTransport other = otherSession()) {
      rawMove(other, 20002, 20007);
    }
    Inventory before = changer.inventory();
    int moves = (int) recorded.log().count(MOVE);

    assertThatThrownBy(() -> changer.ensureAt("TFS003", 20002, drive0))
        .isInstanceOf(UnexpectedLocationException.class)
        .hasMessageContaining("TFS003")
        .hasMessageContaining("20002")
        .hasMessageContaining("20007");
    assertThat(recorded.log().count(MOVE)).isEqualTo(moves);
    assertThat(changer.inventory()).isEqualTo(before);
  }

  @Test
  void ensureAt_whenTheGatewayReplacedTheTape_failsNamingBothPlaces_andMovesNothing() {
    vtl.clear(20002);
    vtl.put("TFS003", 30003);
    Inventory before = changer.inventory();

    assertThatThrownBy(() -> changer.ensureAt("TFS003", 20002, drive0))
        .isInstanceOf(UnexpectedLocationException.class)
        .hasMessageContaining("20002")
        .hasMessageContaining("30003");
    assertThat(recorded.log().count(MOVE)).isZero();
    assertThat(changer.inventory()).isEqualTo(before);
  }

  @Test
  void destinationFilledBehindOurBack_surfacesAsDestinationFull_3B0D() {
    recorded.beforeNext(
        MOVE,
        () -> {
          try (IscsiTransport other = otherSession()) {
            rawMove(other, 20001, 20005); // fills the destination after tapeflow checked it
          }
        });
    assertThatThrownBy(() -> changer.move(20000, 20005))
        .isInstanceOf(DestinationFullException.class)
        .hasMessageContaining("20005")
        .satisfies(e -> assertCondition(e, 5, 0x3B, 0x0D));
    assertThat(at(20000)).isEqualTo("TFS001");
    assertThat(at(20005)).isEqualTo("TFS002");
  }

  @Test
  void sourceEmptiedBehindOurBack_surfacesAsSourceEmpty_3B0E() {
    recorded.beforeNext(
        MOVE,
        () -> {
          try (IscsiTransport other = otherSession()) {
            rawMove(other, 20000, 20006); // takes the cartridge away after tapeflow saw it
          }
        });
    assertThatThrownBy(() -> changer.move(20000, 30003))
        .isInstanceOf(SourceEmptyException.class)
        .hasMessageContaining("20000")
        .satisfies(e -> assertCondition(e, 5, 0x3B, 0x0E));
    assertThat(at(30003)).isEqualTo("empty");
  }

  @Test
  void addressTgtDoesNotHave_surfacesAsIllegalRequest_2400() {
    // tapeflow refuses such a move before sending it...
    assertThatThrownBy(() -> changer.move(20000, 20010))
        .isInstanceOf(UnknownAddressException.class)
        .hasMessageContaining("20010");
    assertThat(recorded.log().count(MOVE)).isZero();
    // ...so send the CDB ourselves and map tgt's answer the way the changer maps every answer.
    try (IscsiTransport t = otherSession()) {
      ScsiResponse r = t.execute(ScsiCommand.noData(SmcCommands.moveMedium(1, 20000, 20010), T));
      ChangerCommandException e =
          ScsiFailures.of(r, ScsiFailures.Context.of(vtl.changerUri(), "MOVE MEDIUM"));
      assertThat(e).isInstanceOf(IllegalRequestException.class);
      assertCondition(e, 5, 0x24, 0x00);
      assertThat(e.retryable()).isFalse();
    }
    assertThat(at(20000)).isEqualTo("TFS001");
  }

  @Test
  void loadingATapeWhoseImageIsMissing_surfacesAsHardwareError_041501() throws Exception {
    Files.delete(vtl.mediaHome().resolve("TFS002"));
    assertThatThrownBy(() -> changer.move(20001, drive0))
        .isInstanceOf(ChangerHardwareException.class)
        .hasMessageContaining("image")
        .satisfies(e -> assertCondition(e, 4, 0x15, 0x01));
    assertThat(at(20001)).isEqualTo("TFS002");
  }

  @Test
  void unloadingADriveASecondSessionPrevents_surfacesAsRemovalPrevented_5302() {
    changer.move(20001, drive0);
    try (IscsiTransport drive = IscsiTransport.open(vtl.driveEndpoint(0))) {
      ScsiResponse prevent =
          drive.execute(ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(true), T));
      assertThat(prevent.ok()).as("PREVENT on the drive: %s", prevent).isTrue();

      assertThatThrownBy(() -> changer.move(drive0, 20001))
          .isInstanceOf(MediumRemovalPreventedException.class)
          .satisfies(e -> assertCondition(e, 5, 0x53, 0x02));
      assertThat(at(drive0)).isEqualTo("TFS002");

      drive.execute(ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(false), T));
      changer.move(drive0, 20001);
      assertThat(at(20001)).isEqualTo("TFS002");
    }
  }

  private static void assertCondition(Throwable e, int key, int asc, int ascq) {
    ScsiCondition c = ((ChangerCommandException) e).condition().orElseThrow();
    assertThat(c.is(key, asc, ascq)).as("condition %s", c).isTrue();
  }
}
