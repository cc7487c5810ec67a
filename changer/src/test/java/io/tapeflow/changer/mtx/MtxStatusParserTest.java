package io.tapeflow.changer.mtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MalformedResponseException;
import io.tapeflow.changer.testing.MtxStatusText;
import org.junit.jupiter.api.Test;

class MtxStatusParserTest {
  static final String PAD = " ".repeat(23);

  /** Reference §9.3, typed in: both tag spellings, I/E lines, Full with its trailing space. */
  static final String SAMPLE =
      "  Storage Changer /dev/sg8:3 Drives, 4 Slots ( 2 Import/Export )\n"
          + "Data Transfer Element 0:Empty\n"
          + "Data Transfer Element 1:Full (Storage Element 18 Loaded):VolumeTag = TAP964B40"
          + PAD
          + "\n"
          + "Data Transfer Element 2:Full (Unknown Storage Element Loaded):VolumeTag = TAP964B41"
          + PAD
          + "\n"
          + "      Storage Element 1:Full :VolumeTag=TAP964B33"
          + PAD
          + "\n"
          + "      Storage Element 2:Empty:VolumeTag="
          + " ".repeat(32)
          + "\n"
          + "      Storage Element 3 IMPORT/EXPORT:Full :VolumeTag=TAP964B34"
          + PAD
          + "\n"
          + "      Storage Element 4 IMPORT/EXPORT:Empty:VolumeTag="
          + " ".repeat(32)
          + "\n";

  @Test
  void sample_parsesEveryLineWithMtxNumbers() {
    MtxStatus s = MtxStatusParser.parse(SAMPLE);

    assertThat(s.device()).isEqualTo("/dev/sg8");
    assertThat(s.drives()).isEqualTo(3);
    assertThat(s.slots()).isEqualTo(4);
    assertThat(s.importExport()).isEqualTo(2);
    assertThat(s.elements())
        .containsExactly(
            new Element(ElementType.DRIVE, 0, false, null, null),
            new Element(ElementType.DRIVE, 1, true, "TAP964B40", 18),
            new Element(ElementType.DRIVE, 2, true, "TAP964B41", null),
            new Element(ElementType.STORAGE, 1, true, "TAP964B33", null),
            new Element(ElementType.STORAGE, 2, false, null, null),
            new Element(ElementType.IMPORT_EXPORT, 3, true, "TAP964B34", null),
            new Element(ElementType.IMPORT_EXPORT, 4, false, null, null));
  }

  @Test
  void withoutBarcodes_fullSlotsHaveTheirTrailingSpaceAndNoTag() {
    String text =
        """
          Storage Changer /dev/sg3:1 Drives, 2 Slots ( 0 Import/Export )
        Data Transfer Element 0:Full (Storage Element 2 Loaded)
              Storage Element 1:Full\s
              Storage Element 2:Empty
        """;

    assertThat(MtxStatusParser.parse(text).elements())
        .containsExactly(
            new Element(ElementType.DRIVE, 0, true, null, 2),
            new Element(ElementType.STORAGE, 1, true, null, null),
            new Element(ElementType.STORAGE, 2, false, null, null));
  }

  @Test
  void fullWhoseTrailingSpaceWasStripped_isStillFull() {
    String text =
        """
          Storage Changer /dev/sg3:0 Drives, 1 Slots ( 0 Import/Export )
              Storage Element 1:Full
        """;

    assertThat(MtxStatusParser.parse(text).elements().get(0).full()).isTrue();
  }

  @Test
  void alternateVolumeTags_areAcceptedAndThePrimaryKept() {
    String text =
        "  Storage Changer /dev/sg3:1 Drives, 1 Slots ( 0 Import/Export )\n"
            + "Data Transfer Element 0:Full (Storage Element 1 Loaded):VolumeTag = PRI001"
            + PAD
            + ":AlternateVolumeTag = ALT001"
            + PAD
            + "\n"
            + "      Storage Element 1:Empty:VolumeTag="
            + " ".repeat(32)
            + ":AlternateVolumeTag="
            + " ".repeat(32)
            + "\n";

    assertThat(MtxStatusParser.parse(text).elements().get(0).barcode()).isEqualTo("PRI001");
  }

  @Test
  void awsSizedVtl_3211Lines_areNumberedDrivesThenSlotsThenImportExport() {
    MtxStatusText t = new MtxStatusText("/dev/sg8", 10, 1600, 1600, true);
    for (int n = 1; n <= 1600; n++) {
      t.slot(n, String.format("TAP%05d", n));
    }
    t.slot(1601, "IMP00001").slot(3200, "IMP03200").drive(9, "TAP99999", null).drive(0, "TAPX", 5);

    Inventory inv = MtxStatusParser.parse(t.toString()).toInventory();

    assertThat(inv.elements()).hasSize(3210);
    assertThat(inv.ofType(ElementType.DRIVE)).hasSize(10);
    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(1600).allMatch(Element::full);
    assertThat(inv.ofType(ElementType.IMPORT_EXPORT)).hasSize(1600);
    assertThat(inv.at(new io.tapeflow.changer.ElementAddress(ElementType.IMPORT_EXPORT, 3200)))
        .contains(new Element(ElementType.IMPORT_EXPORT, 3200, true, "IMP03200", null));
    assertThat(inv.locate("TAPX")).contains(new Element(ElementType.DRIVE, 0, true, "TAPX", 5));
    assertThat(inv.locate("TAP01600").orElseThrow().address()).isEqualTo(1600);
  }

  @Test
  void emptyTagOnAFullSlot_isAnUnlabelledCartridge() {
    String text =
        "  Storage Changer /dev/sg3:0 Drives, 1 Slots ( 0 Import/Export )\n"
            + "      Storage Element 1:Full :VolumeTag="
            + " ".repeat(32)
            + "\n";

    Element e = MtxStatusParser.parse(text).elements().get(0);
    assertThat(e.full()).isTrue();
    assertThat(e.barcode()).isNull();
  }

  @Test
  void unknownLine_isMalformedNamingIt() {
    String text = SAMPLE + "mtx: Request Sense: Long Report=yes\n";

    assertThatThrownBy(() -> MtxStatusParser.parse(text))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("line 9")
        .hasMessageContaining("Request Sense");
  }

  @Test
  void countsThatDisagreeWithTheHeader_areMalformed() {
    String text = SAMPLE.replace("3 Drives", "4 Drives");

    assertThatThrownBy(() -> MtxStatusParser.parse(text))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("announces 4 drives");
  }

  @Test
  void missingHeaderOrEmptyOutput_isMalformed() {
    assertThatThrownBy(() -> MtxStatusParser.parse(""))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("no 'Storage Changer' header");
    assertThatThrownBy(() -> MtxStatusParser.parse("Data Transfer Element 0:Empty\n"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("header");
  }

  @Test
  void repeatedElementNumber_isMalformed() {
    String text =
        """
          Storage Changer /dev/sg3:0 Drives, 2 Slots ( 0 Import/Export )
              Storage Element 1:Empty
              Storage Element 1:Empty
        """;

    assertThatThrownBy(() -> MtxStatusParser.parse(text))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("appears twice");
  }

  @Test
  void tagWithASpaceInside_isMalformed() {
    String text =
        """
          Storage Changer /dev/sg3:0 Drives, 1 Slots ( 0 Import/Export )
              Storage Element 1:Full :VolumeTag=TAP 001
        """;

    assertThatThrownBy(() -> MtxStatusParser.parse(text))
        .isInstanceOf(MalformedResponseException.class);
  }
}
