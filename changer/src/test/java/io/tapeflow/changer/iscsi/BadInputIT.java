package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.TapeNotFoundException;
import io.tapeflow.changer.UnknownAddressException;
import io.tapeflow.changer.WrongDeviceException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.testing.VtlFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input against a real library: a clear error naming what was wrong, and nothing changed. */
class BadInputIT {
  private static VtlFixture vtl;

  @TempDir static Path locks;

  @BeforeAll
  static void up() {
    vtl = VtlFixture.builder().drives(1).slots(4).ie(2).tape("BAD001", 20000).start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  private static Inventory inventory() {
    try (MediumChanger c = Changers.open(ChangerUri.parse(vtl.changerUri()), locks)) {
      return c.inventory();
    }
  }

  private static String withoutScheme() {
    return vtl.changerUri().substring("iscsi://".length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "iscsi://",
        "iscsi://127.0.0.1:99999/iqn.1997-05.com.amazon:x/1",
        "iscsi://127.0.0.1:3260/not-an-iqn/1",
        "iscsi://127.0.0.1:3260/iqn.1997-05.com.amazon:x",
        "iscsi://127.0.0.1:3260/iqn.1997-05.com.amazon:x/lun",
        "iscsi://127.0.0.1:3260/iqn.1997-05.com.amazon:x/1/extra",
        "http://127.0.0.1/iqn.1997-05.com.amazon:x/1",
        "dev/sg3",
        "mtx:sg3",
        "/dev/../etc/passwd",
        "/dev/sg3; rm -rf /"
      })
  void malformedChangerUris_areRefusedBeforeAnythingIsOpened(String uri) {
    Inventory before = inventory();
    assertThatThrownBy(() -> Changers.open(ChangerUri.parse(uri), locks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid changer URI");
    assertThat(inventory()).isEqualTo(before);
  }

  @Test
  void aChapUserWithoutSecret_saysHowToWriteIt() {
    String uri = "iscsi://someone@" + withoutScheme();
    assertThatThrownBy(() -> Changers.open(ChangerUri.parse(uri), locks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user%secret@");
  }

  @Test
  void lunZero_isTgtsController_notAChanger() {
    String uri = vtl.changerUri().replaceAll("/1$", "/0");
    assertThatThrownBy(() -> Changers.open(ChangerUri.parse(uri), locks))
        .isInstanceOf(WrongDeviceException.class)
        .hasMessageContaining("not a medium changer");
  }

  @Test
  void aDriveTarget_isNotAChanger() {
    String uri = "iscsi://" + vtl.portal() + "/" + vtl.driveIqns().get(0) + "/1";
    assertThatThrownBy(() -> Changers.open(ChangerUri.parse(uri), locks))
        .isInstanceOf(WrongDeviceException.class)
        .hasMessageContaining("tape drive");
  }

  @Test
  void aTargetTheLibraryDoesNotHave_isRefusedForGood() {
    String uri = "iscsi://" + vtl.portal() + "/iqn.1997-05.com.amazon:sgw-nope-mediachanger/1";
    assertThatThrownBy(() -> Changers.open(ChangerUri.parse(uri), locks))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("sgw-nope-mediachanger")
        .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isFalse());
  }

  @Test
  void unknownAddresses_areRefusedWithTheLibrarysRanges_andNothingMoves() {
    try (MediumChanger c = Changers.open(ChangerUri.parse(vtl.changerUri()), locks)) {
      Inventory before = c.inventory();
      assertThatThrownBy(() -> c.move(20000, 20004))
          .isInstanceOf(UnknownAddressException.class)
          .hasMessageContaining("20004");
      assertThatThrownBy(() -> c.move(19999, 20001))
          .isInstanceOf(UnknownAddressException.class)
          .hasMessageContaining("19999");
      assertThatThrownBy(() -> c.move(ElementAddress.drive(20000), ElementAddress.storage(20001)))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("20000");
      assertThatThrownBy(() -> c.ensureAt("BAD001", 20000, 40000))
          .isInstanceOf(UnknownAddressException.class)
          .hasMessageContaining("40000");
      assertThat(c.inventory()).isEqualTo(before);
    }
  }

  @Test
  void badOrUnknownBarcodes_areRefused_andNothingMoves() {
    try (MediumChanger c = Changers.open(ChangerUri.parse(vtl.changerUri()), locks)) {
      Inventory before = c.inventory();
      assertThatThrownBy(() -> c.ensureAt("bad barcode;", 20000, 20001))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid barcode");
      assertThatThrownBy(() -> c.ensureAt("NOSUCH01", 20001))
          .isInstanceOf(TapeNotFoundException.class)
          .hasMessageContaining("NOSUCH01");
      assertThat(c.inventory()).isEqualTo(before);
    }
  }

  @Test
  void aBarcodeTgtCannotHold_isRefusedByTheVtl_andTheLibraryIsUnchanged() {
    Inventory before = inventory();
    VtlFixture.VtlResult r =
        VtlFixture.vtlRaw(
            "put", "--dir", vtl.dir().toString(), "--barcode", "ELEVENCHARS", "--address", "20001");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("ELEVENCHARS").contains("at most 10");
    assertThat(inventory()).isEqualTo(before);
    assertThat(vtl.mediaHome().resolve("ELEVENCHARS")).doesNotExist();
  }

  @Test
  void aLibraryWithABarcodeTgtCannotHold_isNotStarted(@TempDir Path dir) throws Exception {
    VtlFixture.VtlResult r =
        VtlFixture.vtlRaw(
            "up",
            "--dir",
            dir.toString(),
            "--drives",
            "1",
            "--slots",
            "2",
            "--ie",
            "1",
            "--tape",
            "SIXTEENCHARSLONG@20000");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("SIXTEENCHARSLONG").contains("at most 10");
    assertThat(dir.resolve("vtl.env")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void vtlCommands_refuseAddressesOutsideTheLibrary() {
    VtlFixture.VtlResult r =
        VtlFixture.vtlRaw(
            "put", "--dir", vtl.dir().toString(), "--barcode", "OK0001", "--address", "10000");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("10000 is a drive");
    r = VtlFixture.vtlRaw("clear", "--dir", vtl.dir().toString(), "--address", "29999");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("29999 does not exist");
  }
}
