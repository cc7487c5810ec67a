package io.tapeflow.changer.smc;

import io.tapeflow.changer.MalformedResponseException;
import java.util.Optional;

/**
 * Standard INQUIRY data: what the device is and who made it.
 *
 * @param peripheralQualifier byte 0 bits 7–5 (0: a device is connected to this LUN)
 * @param deviceType byte 0 bits 4–0: 08h medium changer, 01h tape, 0Ch storage array controller
 * @param removable RMB
 * @param version the SPC version claimed (5 = SPC-3, 6 = SPC-4)
 * @param attachedChanger MChngr: a drive with a changer reached through its own LUN
 * @param vendor T10 vendor identification, trimmed
 * @param product product identification, trimmed
 * @param revision product revision level, trimmed
 */
public record InquiryData(
    int peripheralQualifier,
    int deviceType,
    boolean removable,
    int version,
    boolean attachedChanger,
    String vendor,
    String product,
    String revision) {

  /** Peripheral device type of a medium changer. */
  public static final int MEDIUM_CHANGER = 0x08;

  /** Allocation length for standard INQUIRY. */
  public static final int ALLOCATION_LENGTH = 96;

  /**
   * Decodes standard INQUIRY data (at least 36 bytes are required, as SPC demands).
   *
   * @throws MalformedResponseException when it is shorter or holds non-ASCII identification
   */
  public static InquiryData decode(byte[] data) {
    int len = data.length >= 5 ? Math.min(data.length, Bytes.u8(data, 4) + 5) : data.length;
    if (len < 36) {
      throw new MalformedResponseException(
          "malformed INQUIRY data: " + len + " bytes, standard INQUIRY data has at least 36");
    }
    return new InquiryData(
        Bytes.u8(data, 0) >>> 5,
        Bytes.u8(data, 0) & 0x1F,
        Bytes.bit(data, 1, 7),
        Bytes.u8(data, 2),
        Bytes.bit(data, 6, 3),
        text(data, 8, 8, "vendor identification"),
        text(data, 16, 16, "product identification"),
        text(data, 32, 4, "product revision"));
  }

  /**
   * Decodes VPD page 80h, the unit serial number.
   *
   * @return the serial, trimmed; empty when the device reports a blank one
   * @throws MalformedResponseException when the data is not page 80h or is unreadable
   */
  public static Optional<String> decodeSerial(byte[] data) {
    if (data.length < 4) {
      throw new MalformedResponseException(
          "malformed VPD page 80h: " + data.length + " bytes, the header alone is 4");
    }
    if (Bytes.u8(data, 1) != SmcCommands.UNIT_SERIAL_NUMBER_PAGE) {
      throw new MalformedResponseException(
          String.format(
              "malformed VPD page 80h: the device returned page %02Xh", Bytes.u8(data, 1)));
    }
    int len = Math.min(Bytes.u16(data, 2), data.length - 4);
    String serial = text(data, 4, len, "unit serial number");
    return serial.isEmpty() ? Optional.empty() : Optional.of(serial);
  }

  /** True for a medium changer that answers on this LUN. */
  public boolean isMediumChanger() {
    return peripheralQualifier == 0 && deviceType == MEDIUM_CHANGER;
  }

  /** For messages: {@code AWS Gateway-VTL 0100}. */
  public String describe() {
    return (vendor + " " + product + " " + revision).strip();
  }

  private static String text(byte[] data, int off, int len, String what) {
    String s = Bytes.ascii(data, off, len);
    if (s == null) {
      throw new MalformedResponseException(
          "malformed INQUIRY data: the " + what + " holds non-printable bytes");
    }
    return s;
  }
}
