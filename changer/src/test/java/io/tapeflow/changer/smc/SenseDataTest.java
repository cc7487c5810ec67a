package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenseDataTest {

  @Test
  void fixed_tgtSourceEmpty() {
    SenseData s = SenseData.decode(bytes("70 00 05 00 00 00 00 0A 00 00 00 00 3B 0E 00 00 00 00"));

    assertThat(s.format()).isEqualTo(SenseData.Format.FIXED);
    assertThat(s.is(5, 0x3B, 0x0E)).isTrue();
    assertThat(s.deferred()).isFalse();
    assertThat(s.information()).isEmpty();
    assertThat(s.describe()).isEqualTo("ILLEGAL REQUEST 05/3B/0E (medium source element empty)");
  }

  @Test
  void fixed_withValidInformationAndFieldPointer() {
    SenseData s = SenseData.decode(bytes("F0 00 25 00 00 01 00 0A 00 00 00 00 24 00 00 CB 00 04"));

    assertThat(s.senseKey()).isEqualTo(5);
    assertThat(s.incorrectLength()).isTrue();
    assertThat(s.information()).hasValue(256);
    assertThat(s.senseKeySpecificValid()).isTrue();
    assertThat(s.errorInCdb()).isTrue();
    assertThat(s.bitPointer()).hasValue(3);
    assertThat(s.fieldPointer()).hasValue(4);
  }

  @Test
  void fixed_deferred() {
    assertThat(
            SenseData.decode(bytes("71 00 04 00 00 00 00 0A 00 00 00 00 15 01 00 00 00 00"))
                .deferred())
        .isTrue();
  }

  @Test
  void fixed_honoursTheAdditionalLengthAndIgnoresStaleBufferBytes() {
    SenseData s = SenseData.decode(bytes("70 00 06 00 00 00 00 00 00 00 00 00 29 00 00 80 12 34"));

    assertThat(s.senseKey()).isEqualTo(6);
    assertThat(s.asc()).isEqualTo(-1);
    assertThat(s.senseKeySpecificValid()).isFalse();
    assertThat(s.raw()).hasSize(8);
  }

  @Test
  void fixed_tooShortForAsc_keepsTheKey() {
    SenseData s = SenseData.decode(bytes("70 00 02 00 00 00 00 0A 00 00"));

    assertThat(s.senseKey()).isEqualTo(2);
    assertThat(s.asc()).isEqualTo(-1);
    assertThat(s.describe()).isEqualTo("NOT READY 02/--/--");
  }

  @Test
  void descriptor_tgtWithoutDescriptors() {
    SenseData s = SenseData.decode(bytes("72 05 3B 0E 00 00 00 00"));

    assertThat(s.format()).isEqualTo(SenseData.Format.DESCRIPTOR);
    assertThat(s.is(5, 0x3B, 0x0E)).isTrue();
  }

  @Test
  void descriptor_withInformationAndSenseKeySpecificDescriptors() {
    SenseData s =
        SenseData.decode(
            bytes(
                "72 05 24 00 00 00 00 14"
                    + " 00 0A 80 00 00 00 00 00 00 00 12 34"
                    + " 02 06 00 00 C0 00 07 00"));

    assertThat(s.is(5, 0x24, 0x00)).isTrue();
    assertThat(s.information()).hasValue(0x1234);
    assertThat(s.errorInCdb()).isTrue();
    assertThat(s.fieldPointer()).hasValue(7);
    assertThat(s.bitPointer()).isEmpty();
  }

  @Test
  void descriptor_progressIndication_forNotReady() {
    SenseData s = SenseData.decode(bytes("72 02 04 01 00 00 00 08 02 06 00 00 80 80 00 00"));

    assertThat(s.progress()).hasValue(0x8000);
  }

  @Test
  void descriptor_descriptorRunningPastTheLength_isIgnored() {
    SenseData s = SenseData.decode(bytes("73 04 15 01 00 00 00 04 00 0A 80 00"));

    assertThat(s.deferred()).isTrue();
    assertThat(s.is(4, 0x15, 0x01)).isTrue();
    assertThat(s.information()).isEmpty();
  }

  @Test
  void descriptor_streamCommandsBits() {
    SenseData s = SenseData.decode(bytes("72 00 00 01 00 00 00 04 04 02 00 C0"));

    assertThat(s.filemark()).isTrue();
    assertThat(s.endOfMedium()).isTrue();
    assertThat(s.incorrectLength()).isFalse();
  }

  @Test
  void unknownResponseCodeOrEmpty_isUnparseableWithRawBytesKept() {
    SenseData s = SenseData.decode(bytes("12 34 56"));
    assertThat(s.format()).isEqualTo(SenseData.Format.UNPARSEABLE);
    assertThat(s.senseKey()).isEqualTo(-1);
    assertThat(s.describe()).contains("123456");
    assertThat(SenseData.decode(new byte[0]).format()).isEqualTo(SenseData.Format.NONE);
    assertThat(SenseData.decode(bytes("72 05 3B")).format())
        .isEqualTo(SenseData.Format.UNPARSEABLE);
    assertThat(SenseData.decode(bytes("7F 00 00")).format()).isEqualTo(SenseData.Format.VENDOR);
  }
}
