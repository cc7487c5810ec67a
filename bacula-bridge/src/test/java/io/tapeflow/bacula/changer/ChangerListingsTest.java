package io.tapeflow.bacula.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The protocol's listings over inventories shaped like the AWS library (transport 1, drives
 * 10000.., storage 20000.., import/export 30000..).
 */
class ChangerListingsTest {

  /** Two drives, six storage slots, two import/export slots. */
  static Inventory library(Element... overrides) {
    List<Element> l = new ArrayList<>();
    l.add(new Element(ElementType.TRANSPORT, 1, false, null, null));
    for (int i = 0; i < 2; i++) {
      l.add(new Element(ElementType.DRIVE, 10000 + i, false, null, null));
    }
    for (int i = 0; i < 6; i++) {
      l.add(new Element(ElementType.STORAGE, 20000 + i, false, null, null));
    }
    for (int i = 0; i < 2; i++) {
      l.add(new Element(ElementType.IMPORT_EXPORT, 30000 + i, false, null, null));
    }
    for (Element o : overrides) {
      l.removeIf(e -> e.address() == o.address());
      l.add(o);
    }
    return new Inventory(l);
  }

  static Element full(ElementType t, int address, String barcode) {
    return new Element(t, address, true, barcode, null);
  }

  static Element drive(int address, String barcode, Integer source) {
    return new Element(ElementType.DRIVE, address, true, barcode, source);
  }

  @Test
  void slots_countsStorageAndImportExport_likeTheStockScript() {
    assertThat(ChangerListings.slots(library())).isEqualTo("8\n");
  }

  @Test
  void list_showsStorageSlots_andDriveTapesUnderTheirHomeSlot_butNoImportExportSlot() {
    Inventory inv =
        library(
            full(ElementType.STORAGE, 20000, "TAP001"),
            full(ElementType.STORAGE, 20003, "TAP004"),
            drive(10001, "TAP002", 20001),
            full(ElementType.IMPORT_EXPORT, 30000, "TAP009"));
    assertThat(ChangerListings.list(inv)).isEqualTo("1:TAP001\n4:TAP004\n2:TAP002\n");
  }

  @Test
  void list_ofACartridgeWithoutBarcode_givesAnEmptyName() {
    assertThat(
            ChangerListings.list(
                library(new Element(ElementType.STORAGE, 20002, true, null, null))))
        .isEqualTo("3:\n");
  }

  @Test
  void list_leavesOutADriveTapeWhoseHomeIsAnImportExportSlot() {
    assertThat(ChangerListings.list(library(drive(10000, "TAP009", 30001)))).isEmpty();
  }

  @Test
  void listAll_numbersImportExportSlotsAfterTheStorageSlots() {
    Inventory inv =
        library(
            drive(10000, "TAP002", 20001),
            full(ElementType.STORAGE, 20000, "TAP001"),
            full(ElementType.IMPORT_EXPORT, 30001, "TAP010"));
    assertThat(ChangerListings.listAll(inv))
        .isEqualTo(
            """
            D:0:F:2:TAP002
            D:1:E
            S:1:F:TAP001
            S:2:E
            S:3:E
            S:4:E
            S:5:E
            S:6:E
            I:7:E
            I:8:F:TAP010
            """);
  }

  @Test
  void loaded_isTheHomeSlotOfTheDrivesTape_orZero() {
    Inventory inv = library(drive(10001, "TAP003", 20002));
    assertThat(ChangerListings.loaded(inv, 1)).isEqualTo("3\n");
    assertThat(ChangerListings.loaded(inv, 0)).isEqualTo("0\n");
  }

  @Test
  void loaded_withoutAKnownSource_namesTheFirstFreeStorageSlot_soTheUnloadHasSomewhereToGo() {
    Inventory inv =
        library(drive(10000, "TAP003", null), full(ElementType.STORAGE, 20000, "TAP001"));
    assertThat(ChangerListings.loaded(inv, 0)).isEqualTo("2\n");
  }

  @Test
  void loaded_ofADriveThatDoesNotExist_failsNamingTheRange() {
    assertThatThrownBy(() -> ChangerListings.loaded(library(), 2))
        .isInstanceOf(ChangerProtocolException.class)
        .hasMessageContaining("drives 0-1");
  }

  @Test
  void slotMap_mapsBothWays() {
    SlotMap m = SlotMap.of(library());
    assertThat(m.slot(1).address()).isEqualTo(20000);
    assertThat(m.slot(7).address()).isEqualTo(30000);
    assertThat(m.isImportExport(7)).isTrue();
    assertThat(m.isImportExport(6)).isFalse();
    assertThat(m.slotOf(30001)).hasValue(8);
    assertThat(m.driveIndexOf(10001)).hasValue(1);
    assertThatThrownBy(() -> m.slot(9))
        .hasMessageContaining("slots 1-8 (6 storage, 2 import/export)");
  }

  @Test
  void request_parsesWhatTheStorageDaemonPasses() {
    ChangerRequest r =
        ChangerRequest.parse(List.of("iscsi://h/iqn/1", "load", "3", "/m/drive-0", "0"));
    assertThat(r.operation()).isEqualTo(ChangerOperation.LOAD);
    assertThat(r.slot()).isEqualTo(3);
    assertThat(r.drive()).isZero();
    assertThat(ChangerRequest.parse(List.of("c", "transfer", "7", "1")).destinationSlot())
        .isEqualTo(1);
    assertThat(ChangerRequest.parse(List.of("c", "list")).operation())
        .isEqualTo(ChangerOperation.LIST);
  }

  @Test
  void request_refusesWhatItCannotUse() {
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c"))).hasMessageContaining("usage");
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c", "eject", "1", "a", "0")))
        .hasMessageContaining("unknown changer operation 'eject'");
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c", "load", "0", "/a", "0")))
        .hasMessageContaining("load needs a slot");
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c", "loaded", "1", "/a", "x")))
        .hasMessageContaining("drive index must be a number");
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c", "load", "1", "/my", "drive", "0")))
        .hasMessageContaining("space");
    assertThatThrownBy(() -> ChangerRequest.parse(List.of("c", "transfer", "7", "/dev/nst0")))
        .hasMessageContaining("destination slot");
  }
}
