package io.tapeflow.changer.scsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** A response stays what the device said, whatever its creator or its readers do afterwards. */
class ScsiResponseTest {

  @Test
  void ofAnArray_copiesIt_soLaterChangesToTheArrayDoNotShow() {
    byte[] data = {1, 2, 3};
    ScsiResponse r = ScsiResponse.of(ScsiResponse.GOOD, data, new byte[0]);
    data[0] = 9;

    assertThat(r.data()).containsExactly(1, 2, 3);
  }

  @Test
  void ofABufferView_copiesItsRemainingBytesOnce_andLeavesItsPositionAlone() {
    ByteBuffer received = ByteBuffer.wrap(new byte[] {7, 1, 2, 3, 7}).position(1).limit(4);

    ScsiResponse r = ScsiResponse.of(ScsiResponse.GOOD, received, new byte[0]);
    received.put(1, (byte) 9); // the transport reuses its buffer for the next command

    assertThat(r.data()).containsExactly(1, 2, 3);
    assertThat(r.dataLength()).isEqualTo(3);
    assertThat(received.position()).isEqualTo(1);
  }

  @Test
  void dataView_isReadOnly_andShowsTheDataFromPositionZero() {
    ScsiResponse r = ScsiResponse.of(ScsiResponse.GOOD, new byte[] {4, 5, 6}, new byte[0]);
    ByteBuffer view = r.dataView();

    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.position()).isZero();
    assertThat(view.remaining()).isEqualTo(3);
    assertThat(view.get(2)).isEqualTo((byte) 6);
    assertThatThrownBy(() -> view.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
    assertThat(view.hasArray()).isFalse();
  }

  @Test
  void dataAndViews_handedOut_neverChangeTheResponse() {
    ScsiResponse r = ScsiResponse.of(ScsiResponse.GOOD, new byte[] {4, 5, 6}, new byte[] {0x70});
    r.data()[0] = 0;
    r.sense()[0] = 0;
    r.dataView().position(2);

    assertThat(r.data()).containsExactly(4, 5, 6);
    assertThat(r.sense()).containsExactly(0x70);
    assertThat(r.dataView().remaining()).isEqualTo(3);
    assertThat(r)
        .isEqualTo(ScsiResponse.of(ScsiResponse.GOOD, new byte[] {4, 5, 6}, new byte[] {0x70}));
  }
}
