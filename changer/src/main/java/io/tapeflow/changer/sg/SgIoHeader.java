package io.tapeflow.changer.sg;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Linux's {@code struct sg_io_hdr} (x86_64, {@code <scsi/sg.h>}) as an explicit 88-byte layout, and
 * the evaluation of its outputs after an SG_IO ioctl. Pure: tested with synthetic headers, and the
 * layout against the C header by a compiled probe.
 */
final class SgIoHeader {
  static final int SIZE = 88;

  static final int INTERFACE_ID = 0; // int, 'S'
  static final int DXFER_DIRECTION = 4; // int
  static final int CMD_LEN = 8; // unsigned char
  static final int MX_SB_LEN = 9; // unsigned char
  static final int IOVEC_COUNT = 10; // unsigned short
  static final int DXFER_LEN = 12; // unsigned int
  static final int DXFERP = 16; // void *
  static final int CMDP = 24; // unsigned char *
  static final int SBP = 32; // unsigned char *
  static final int TIMEOUT = 40; // unsigned int, milliseconds
  static final int FLAGS = 44; // unsigned int
  static final int PACK_ID = 48; // int
  static final int USR_PTR = 56; // void *
  static final int STATUS = 64; // unsigned char
  static final int MASKED_STATUS = 65; // unsigned char
  static final int MSG_STATUS = 66; // unsigned char
  static final int SB_LEN_WR = 67; // unsigned char
  static final int HOST_STATUS = 68; // unsigned short
  static final int DRIVER_STATUS = 70; // unsigned short
  static final int RESID = 72; // int
  static final int DURATION = 76; // unsigned int, milliseconds
  static final int INFO = 80; // unsigned int

  static final int SG_DXFER_NONE = -1;
  static final int SG_DXFER_TO_DEV = -2;
  static final int SG_DXFER_FROM_DEV = -3;

  static final long SG_IO = 0x2285;
  static final long SG_GET_VERSION_NUM = 0x2282;

  /** Sense buffer size handed to the kernel (it keeps at most 96 bytes). */
  static final int SENSE_BUFFER = 96;

  static final int DRIVER_TIMEOUT = 0x06;
  static final int DRIVER_SENSE = 0x08;

  private static final String[] HOST_NAMES = {
    "DID_OK",
    "DID_NO_CONNECT",
    "DID_BUS_BUSY",
    "DID_TIME_OUT",
    "DID_BAD_TARGET",
    "DID_ABORT",
    "DID_PARITY",
    "DID_ERROR",
    "DID_RESET",
    "DID_BAD_INTR",
    "DID_PASSTHROUGH",
    "DID_SOFT_ERROR",
    "DID_IMM_RETRY",
    "DID_REQUEUE",
    "DID_TRANSPORT_DISRUPTED",
    "DID_TRANSPORT_FAILFAST",
    "DID_TARGET_FAILURE",
    "DID_NEXUS_FAILURE"
  };

  private SgIoHeader() {}

  /** The outputs the kernel wrote into the header. */
  record Outputs(
      int status,
      int sbLenWr,
      int hostStatus,
      int driverStatus,
      int resid,
      int duration,
      int info) {

    static Outputs read(byte[] header) {
      if (header.length != SIZE) {
        throw new IllegalArgumentException("an sg_io_hdr is " + SIZE + " bytes");
      }
      ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder());
      return new Outputs(
          b.get(STATUS) & 0xFF,
          b.get(SB_LEN_WR) & 0xFF,
          b.getShort(HOST_STATUS) & 0xFFFF,
          b.getShort(DRIVER_STATUS) & 0xFFFF,
          b.getInt(RESID),
          b.getInt(DURATION),
          b.getInt(INFO));
    }
  }

  /** The kernel's name for a host_status value. */
  static String hostName(int hostStatus) {
    return hostStatus < HOST_NAMES.length
        ? HOST_NAMES[hostStatus]
        : String.format(Locale.ROOT, "host_status %02Xh", hostStatus);
  }

  /**
   * Turns the outputs of a completed SG_IO into a response, in the order the sg driver defines:
   * transport (host_status), then driver timeout, then SCSI status and sense, then data.
   *
   * @param data a view of the data buffer (at least dxfer_len bytes from index 0); the response
   *     copies what was received out of it
   * @param sense the sense buffer
   * @throws ScsiTransportException for a host or driver failure
   */
  static ScsiResponse evaluate(
      Outputs o, ScsiCommand command, int dxferLen, ByteBuffer data, byte[] sense, String device) {
    if (o.hostStatus() != 0) {
      boolean retryable =
          switch (o.hostStatus()) {
            case 0x01, 0x02, 0x03, 0x05, 0x08, 0x0B, 0x0C, 0x0D, 0x0E -> true;
            default -> false;
          };
      throw new ScsiTransportException(
          String.format(
              Locale.ROOT,
              "%s on %s failed in transport: %s%s",
              command,
              device,
              hostName(o.hostStatus()),
              retryable ? " (the session may be recovering; retry later)" : ""),
          retryable);
    }
    if ((o.driverStatus() & 0x0F) == DRIVER_TIMEOUT) {
      throw new ScsiTransportException(
          String.format(
              Locale.ROOT,
              "%s on %s timed out after %d ms; outcome unknown",
              command,
              device,
              command.timeout().toMillis()),
          true);
    }
    int senseLength = Math.min(o.sbLenWr(), sense.length);
    if (o.status() == ScsiResponse.CHECK_CONDITION
        || (o.driverStatus() & 0x0F) == DRIVER_SENSE
        || senseLength > 0) {
      int status = o.status() == 0 ? ScsiResponse.CHECK_CONDITION : o.status();
      return ScsiResponse.of(status, new byte[0], Arrays.copyOf(sense, senseLength));
    }
    if (o.status() != ScsiResponse.GOOD && o.status() != ScsiResponse.CONDITION_MET) {
      return ScsiResponse.of(o.status(), new byte[0], new byte[0]);
    }
    int received = Math.max(0, Math.min(dxferLen, dxferLen - o.resid()));
    return ScsiResponse.of(o.status(), data.slice(0, received), new byte[0]);
  }
}
