package io.tapeflow.changer.sg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of sg_io_hdr outputs, in the order the sg driver defines, on synthetic headers.
 */
class SgIoHeaderTest {
  private static final ScsiCommand RES =
      ScsiCommand.dataIn(
          new byte[] {(byte) 0xB8, 0x12, 0, 0, 0, 8, 0, 0, 0, 100, 0, 0},
          100,
          Duration.ofSeconds(7));
  private static final byte[] DATA = new byte[100];
  private static final byte[] SENSE = new byte[SgIoHeader.SENSE_BUFFER];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) (i + 1);
    }
    byte[] fixed = {0x70, 0, 5, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x3B, 0x0E, 0, 0, 0, 0};
    System.arraycopy(fixed, 0, SENSE, 0, fixed.length);
  }

  private static SgIoHeader.Outputs outputs(
      int status, int sbLenWr, int host, int driver, int resid) {
    ByteBuffer b = ByteBuffer.allocate(SgIoHeader.SIZE).order(ByteOrder.nativeOrder());
    b.put(SgIoHeader.STATUS, (byte) status);
    b.put(SgIoHeader.SB_LEN_WR, (byte) sbLenWr);
    b.putShort(SgIoHeader.HOST_STATUS, (short) host);
    b.putShort(SgIoHeader.DRIVER_STATUS, (short) driver);
    b.putInt(SgIoHeader.RESID, resid);
    return SgIoHeader.Outputs.read(b.array());
  }

  private static ScsiResponse evaluate(SgIoHeader.Outputs o) {
    return SgIoHeader.evaluate(o, RES, 100, ByteBuffer.wrap(DATA), SENSE, "/dev/sg9");
  }

  @Test
  void good_returnsDxferLenLessResid() {
    ScsiResponse r = evaluate(outputs(0, 0, 0, 0, 37));
    assertThat(r.ok()).isTrue();
    assertThat(r.data()).hasSize(63).startsWith(1, 2, 3);
  }

  @Test
  void good_withAnImpossibleResid_neverReadsPastTheBuffer() {
    assertThat(evaluate(outputs(0, 0, 0, 0, -5)).data()).hasSize(100);
    assertThat(evaluate(outputs(0, 0, 0, 0, 500)).data()).isEmpty();
  }

  @Test
  void checkCondition_returnsExactlyTheSenseBytesWritten() {
    ScsiResponse r = evaluate(outputs(2, 18, 0, SgIoHeader.DRIVER_SENSE, 100));
    assertThat(r.status()).isEqualTo(ScsiResponse.CHECK_CONDITION);
    assertThat(r.sense()).hasSize(18).startsWith(0x70, 0, 5);
    assertThat(r.data()).isEmpty();
  }

  @Test
  void driverSenseWithoutStatus_isStillACheckCondition() {
    ScsiResponse r = evaluate(outputs(0, 18, 0, SgIoHeader.DRIVER_SENSE, 0));
    assertThat(r.status()).isEqualTo(ScsiResponse.CHECK_CONDITION);
    assertThat(r.sense()).hasSize(18);
  }

  @Test
  void hostStatus_winsOverStatusAndSense() {
    assertThatThrownBy(() -> evaluate(outputs(2, 18, 0x0E, SgIoHeader.DRIVER_SENSE, 0)))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("DID_TRANSPORT_DISRUPTED")
        .hasMessageContaining("/dev/sg9")
        .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isTrue());
  }

  @Test
  void fatalHostStatus_isNotRetryable() {
    assertThatThrownBy(() -> evaluate(outputs(0, 0, 0x0F, 0, 0)))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("DID_TRANSPORT_FAILFAST")
        .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isFalse());
    assertThatThrownBy(() -> evaluate(outputs(0, 0, 0x04, 0, 0)))
        .hasMessageContaining("DID_BAD_TARGET");
  }

  @Test
  void driverTimeout_beforeStatus_isARetryableUnknownOutcome() {
    assertThatThrownBy(() -> evaluate(outputs(2, 18, 0, SgIoHeader.DRIVER_TIMEOUT, 0)))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("timed out after 7000 ms")
        .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isTrue());
  }

  @Test
  void busy_isAResponseWithoutData() {
    ScsiResponse r = evaluate(outputs(ScsiResponse.BUSY, 0, 0, 0, 0));
    assertThat(r.status()).isEqualTo(ScsiResponse.BUSY);
    assertThat(r.data()).isEmpty();
    assertThat(r.sense()).isEmpty();
  }

  @Test
  void senseLengthLargerThanTheBuffer_isCut() {
    ScsiResponse r = evaluate(outputs(2, 250, 0, SgIoHeader.DRIVER_SENSE, 0));
    assertThat(r.sense()).hasSize(SgIoHeader.SENSE_BUFFER);
  }

  @Test
  void aHeaderOfTheWrongSize_isRefused() {
    assertThatThrownBy(() -> SgIoHeader.Outputs.read(new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
