package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.ascii;
import static io.tapeflow.changer.testing.Hex.bytes;
import static io.tapeflow.changer.testing.Hex.concat;
import static io.tapeflow.changer.testing.Hex.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.MalformedResponseException;
import org.junit.jupiter.api.Test;

class InquiryDataTest {

  /** tgt's changer INQUIRY, 66 bytes (reference §8.4). */
  static final byte[] TGT_CHANGER =
      concat(
          bytes("08 80 05 12 3D 00 00 02"),
          ascii("AWS", 8, (byte) ' '),
          ascii("Gateway-VTL", 16, (byte) ' '),
          ascii("0100", 4, (byte) ' '),
          repeat(0, 22),
          bytes("04 80 09 60 03 00 00 00"));

  @Test
  void decode_tgtChanger() {
    InquiryData d = InquiryData.decode(TGT_CHANGER);

    assertThat(d.isMediumChanger()).isTrue();
    assertThat(d.removable()).isTrue();
    assertThat(d.version()).isEqualTo(5);
    assertThat(d.vendor()).isEqualTo("AWS");
    assertThat(d.product()).isEqualTo("Gateway-VTL");
    assertThat(d.revision()).isEqualTo("0100");
    assertThat(d.describe()).isEqualTo("AWS Gateway-VTL 0100");
  }

  @Test
  void decode_tapeDrive_isNotAChanger() {
    byte[] drive = TGT_CHANGER.clone();
    drive[0] = 0x01;

    assertThat(InquiryData.decode(drive).isMediumChanger()).isFalse();
  }

  @Test
  void decode_shorterThanStandard_isMalformed() {
    assertThatThrownBy(() -> InquiryData.decode(java.util.Arrays.copyOf(TGT_CHANGER, 30)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("30 bytes");
  }

  @Test
  void decode_additionalLengthShorterThanData_isHonoured() {
    byte[] d = TGT_CHANGER.clone();
    d[4] = 20;

    assertThatThrownBy(() -> InquiryData.decode(d)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void decodeSerial_tgtRightJustifiedSerial_isTrimmed() {
    byte[] page =
        concat(bytes("08 80 00 24"), ascii("", 28, (byte) ' '), ascii("SGW00000", 8, (byte) ' '));

    assertThat(InquiryData.decodeSerial(page)).contains("SGW00000");
  }

  @Test
  void decodeSerial_blank_isEmpty() {
    assertThat(InquiryData.decodeSerial(concat(bytes("08 80 00 04"), repeat(0x20, 4)))).isEmpty();
  }

  @Test
  void decodeSerial_lengthBeyondData_readsWhatArrived() {
    assertThat(InquiryData.decodeSerial(concat(bytes("08 80 00 40"), ascii("ABC", 3, (byte) ' '))))
        .contains("ABC");
  }

  @Test
  void decodeSerial_wrongPage_isMalformed() {
    assertThatThrownBy(() -> InquiryData.decodeSerial(bytes("08 83 00 00")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("83h");
  }
}
