package io.tapeflow.workflows.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryLayoutTest {
  /** Like an AWS VTL: drives first, storage slots from 1025, the I/E slots after them. */
  private static final LibraryLayout VTL =
      LibraryLayout.of(
          List.of(1025, 1026, 1027, 1028), List.of(1029, 1030), List.of(0x101, 0x102, 0x103));

  @Test
  void baculaSlots_countStorageFirst_thenImportExport() {
    assertThat(VTL.slot(1)).isEqualTo(Location.slot(1025));
    assertThat(VTL.slot(4)).isEqualTo(Location.slot(1028));
    assertThat(VTL.slot(5)).isEqualTo(Location.ieSlot(1029));
    assertThat(VTL.baculaSlot(Location.slot(1027))).isEqualTo(3);
    assertThat(VTL.baculaSlot(Location.ieSlot(1030))).isEqualTo(6);
    assertThat(VTL.baculaSlot(Location.slot(7))).as("not an element of this library").isEqualTo(-1);
  }

  @Test
  void driveIndexes_countDrivesInAddressOrder() {
    assertThat(VTL.drive(0)).isEqualTo(Location.drive(0x101));
    assertThat(VTL.driveIndex(Location.drive(0x103))).isEqualTo(2);
    assertThat(VTL.driveIndex(Location.slot(0x103))).as("a slot is no drive").isEqualTo(-1);
    assertThat(VTL.driveCount()).isEqualTo(3);
  }

  @Test
  void everyConversion_isUndoneByItsInverse() {
    for (int slot = 1; slot <= 6; slot++) {
      assertThat(VTL.baculaSlot(VTL.slot(slot))).isEqualTo(slot);
    }
    for (int drive = 0; drive < 3; drive++) {
      assertThat(VTL.driveIndex(VTL.drive(drive))).isEqualTo(drive);
    }
  }

  @Test
  void gapsInTheAddresses_areKept_andTheListIsStoredAsRuns() {
    LibraryLayout gappy = LibraryLayout.of(List.of(12, 10, 11, 20), List.of(), List.of(1));
    assertThat(gappy.storage())
        .containsExactly(new LibraryLayout.Run(10, 3), new LibraryLayout.Run(20, 1));
    assertThat(gappy.slot(4)).isEqualTo(Location.slot(20));
    assertThat(gappy.baculaSlot(Location.slot(20))).isEqualTo(4);
  }

  @Test
  void numbersOutsideTheLibrary_areRefusedNamingTheRange() {
    assertThatThrownBy(() -> VTL.slot(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bacula slot 7")
        .hasMessageContaining("1..6");
    assertThatThrownBy(() -> VTL.drive(3)).hasMessageContaining("has 3 drives");
    assertThat(LibraryLayout.ofSlot(VTL, 0)).isNull();
    assertThat(LibraryLayout.ofDrive(VTL, 9)).isNull();
  }

  @Test
  void withoutALayout_baculasNumbersStayAsTheyWere() {
    assertThat(LibraryLayout.ofSlot(null, 3)).isEqualTo(Location.slot(3));
    assertThat(LibraryLayout.ofDrive(null, 0)).isEqualTo(Location.drive(0));
    assertThat(LibraryLayout.slotOf(null, Location.slot(3))).isEqualTo(3);
  }

  @Test
  void overlappingRuns_areRefused() {
    assertThatThrownBy(
            () ->
                new LibraryLayout(
                    List.of(new LibraryLayout.Run(10, 5), new LibraryLayout.Run(12, 2)),
                    List.of(),
                    List.of()))
        .hasMessageContaining("must ascend");
  }
}
