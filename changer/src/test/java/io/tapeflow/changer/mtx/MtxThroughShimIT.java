package io.tapeflow.changer.mtx;

import static io.tapeflow.changer.ElementAddress.drive;
import static io.tapeflow.changer.ElementAddress.importExport;
import static io.tapeflow.changer.ElementAddress.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.changer.testing.NativeHelpers;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MtxMediumChanger driving the real {@code mtx} binary, which reaches tgt through infra/native's
 * SG_IO shim: status, load, unload and transfer end to end, checked by an independent libiscsi
 * reader of the same library.
 */
class MtxThroughShimIT {
  @TempDir Path dir;
  private VtlFixture vtl;
  private MediumChanger mtx;

  @BeforeEach
  void up() throws IOException {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(6)
            .ie(2)
            .tape("MTX001", 20000)
            .tape("MTX002", 20001)
            .tape("MTX003", 30001)
            .start();
    Path fake = Files.createFile(dir.resolve("sg-mtx"));
    MtxMediumChanger.Options options =
        MtxMediumChanger.Options.newBuilder()
            .setEnvironment(NativeHelpers.shimEnvironment(fake, vtl.changerUri()))
            .build();
    // This JVM does not preload the shim: Changers.open cannot identify the node over SG_IO and
    // keys the lock by its path (OneLockPerChangerIT shows the preloaded case).
    mtx =
        Changers.open(
            ChangerUri.parse("mtx:" + fake),
            dir.resolve("locks"),
            SmcMediumChanger.Options.defaults(),
            options);
  }

  @AfterEach
  void down() {
    if (mtx != null) {
      mtx.close();
    }
    if (vtl != null) {
      vtl.close();
    }
  }

  /** The library as libiscsi sees it, by SMC address. */
  private Inventory truth() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
        SmcMediumChanger c =
            SmcMediumChanger.open(
                t,
                ChangerUri.parse(vtl.changerUri()),
                dir.resolve("locks"),
                SmcMediumChanger.Options.defaults())) {
      return c.inventory();
    }
  }

  private String truthAt(int address) {
    Element e = truth().at(address).orElseThrow();
    return e.full() ? e.barcode() : "empty";
  }

  @Test
  void status_numbersDrivesAndSlotsTheMtxWay() {
    Inventory inv = mtx.inventory();
    assertThat(inv.ofType(ElementType.DRIVE)).extracting(Element::address).containsExactly(0, 1);
    assertThat(inv.ofType(ElementType.STORAGE))
        .extracting(Element::address)
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(inv.ofType(ElementType.IMPORT_EXPORT))
        .extracting(Element::address)
        .containsExactly(7, 8);
    assertThat(inv.locate("MTX001").orElseThrow().location()).isEqualTo(storage(1));
    assertThat(inv.locate("MTX002").orElseThrow().location()).isEqualTo(storage(2));
    assertThat(inv.locate("MTX003").orElseThrow().location()).isEqualTo(importExport(8));
  }

  @Test
  void loadUnloadAndTransfer_moveTheCartridgesInTheLibrary() {
    mtx.move(storage(1), drive(0)); // mtx load 1 0
    assertThat(truthAt(vtl.driveAddresses().get(0))).isEqualTo("MTX001");

    mtx.move(drive(0), storage(3)); // mtx unload 3 0
    assertThat(truthAt(20002)).isEqualTo("MTX001");
    assertThat(truthAt(vtl.driveAddresses().get(0))).isEqualTo("empty");

    mtx.move(storage(2), importExport(7)); // mtx transfer 2 7: export
    assertThat(truthAt(30000)).isEqualTo("MTX002");

    mtx.move(importExport(8), storage(4)); // mtx transfer 8 4: import
    assertThat(truthAt(20003)).isEqualTo("MTX003");
    assertThat(truthAt(30001)).isEqualTo("empty");

    assertThat(mtx.inventory().locate("MTX003").orElseThrow().location()).isEqualTo(storage(4));
  }

  @Test
  void unloadOfADriveASecondSessionPrevents_isRefusedTyped_andNothingMoves() {
    mtx.move(storage(1), drive(1));
    try (IscsiTransport drive = IscsiTransport.open(vtl.driveEndpoint(1))) {
      drive.execute(
          ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(true), Duration.ofSeconds(10)));
      assertThatThrownBy(() -> mtx.move(drive(1), storage(1)))
          .isInstanceOf(MediumRemovalPreventedException.class);
      assertThat(truthAt(vtl.driveAddresses().get(1))).isEqualTo("MTX001");
      drive.execute(
          ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(false), Duration.ofSeconds(10)));
    }
    mtx.move(drive(1), storage(1));
    assertThat(truthAt(20000)).isEqualTo("MTX001");
  }
}
