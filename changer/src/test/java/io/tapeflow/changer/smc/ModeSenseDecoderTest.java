package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import org.junit.jupiter.api.Test;

class ModeSenseDecoderTest {

  /** Page 1Dh as tgt reports the small library of reference §8.2. */
  static final String PAGE_1D = "1D 12 00 01 00 01 4E 20 00 04 75 30 00 04 27 10 00 02 00 00";

  @Test
  void modeSense6_withoutBlockDescriptors_readsThePage() {
    ElementAddressAssignment a =
        ModeSenseDecoder.elementAddressAssignment(bytes("17 00 00 00" + PAGE_1D), false);

    assertThat(a).isEqualTo(new ElementAddressAssignment(1, 1, 20000, 4, 30000, 4, 10000, 2));
    assertThat(a.first(ElementType.IMPORT_EXPORT)).isEqualTo(30000);
    assertThat(a.count(ElementType.DRIVE)).isEqualTo(2);
    assertThat(a.total()).isEqualTo(11);
  }

  @Test
  void modeSense6_withABlockDescriptor_skipsIt() {
    byte[] data = bytes("1F 00 00 08 | 00 00 00 00 00 00 00 00 |" + PAGE_1D);

    assertThat(ModeSenseDecoder.elementAddressAssignment(data, false).firstStorage())
        .isEqualTo(20000);
  }

  @Test
  void modeSense10_walksPastOtherPagesIncludingSubpages() {
    String page1e = "1E 02 00 00";
    String subpage = "5F 01 00 02 AA BB";
    String page1dWithPs = "9D" + PAGE_1D.substring(2);
    int length = 6 + 4 + 6 + 20;
    byte[] data =
        bytes(
            String.format("%04X", length)
                + " 00 00 00 00 00 00 "
                + page1e
                + subpage
                + page1dWithPs);

    assertThat(ModeSenseDecoder.elementAddressAssignment(data, true).driveCount()).isEqualTo(2);
  }

  @Test
  void pageMissing_isMalformed() {
    assertThatThrownBy(
            () ->
                ModeSenseDecoder.elementAddressAssignment(bytes("07 00 00 00 1E 02 00 00"), false))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("did not return mode page 1Dh");
  }

  @Test
  void pageCutShort_isMalformed() {
    byte[] cut = bytes("17 00 00 00" + PAGE_1D.substring(0, 30));

    assertThatThrownBy(() -> ModeSenseDecoder.elementAddressAssignment(cut, false))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void bytesBeyondTheModeDataLength_areNotRead() {
    byte[] data = bytes("03 00 00 00" + PAGE_1D);

    assertThatThrownBy(() -> ModeSenseDecoder.elementAddressAssignment(data, false))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void headerCutShort_isMalformed() {
    assertThatThrownBy(() -> ModeSenseDecoder.elementAddressAssignment(bytes("17 00"), false))
        .isInstanceOf(MalformedResponseException.class);
  }
}
