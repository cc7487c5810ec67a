package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.MalformedResponseException;
import org.junit.jupiter.api.Test;

class ReportLunsTest {
  @Test
  void cdb_putsTheAllocationLengthInBytes6To9() {
    assertThat(ReportLuns.cdb(0x01020304)).containsExactly(0xA0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0);
  }

  @Test
  void decode_tgtTarget_listsTheControllerAndTheDevice() {
    byte[] data = {0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
    assertThat(ReportLuns.decode(data)).containsExactly(0, 1);
  }

  @Test
  void decode_flatSpaceLun_readsFourteenBits() {
    byte[] data = {0, 0, 0, 8, 0, 0, 0, 0, 0x41, 0x2C, 0, 0, 0, 0, 0, 0};
    assertThat(ReportLuns.decode(data)).containsExactly(300);
  }

  @Test
  void decode_listLongerThanDelivered_stopsAtTheBytesReceived() {
    byte[] data = {0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3};
    assertThat(ReportLuns.decode(data)).containsExactly(2);
  }

  @Test
  void decode_shorterThanTheHeader_isMalformed() {
    assertThatThrownBy(() -> ReportLuns.decode(new byte[] {0, 0, 0}))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("REPORT LUNS");
  }
}
