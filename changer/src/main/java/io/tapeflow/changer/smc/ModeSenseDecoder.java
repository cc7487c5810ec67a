package io.tapeflow.changer.smc;

import io.tapeflow.changer.MalformedResponseException;

/**
 * Decodes MODE SENSE(6) and MODE SENSE(10) data: skips the block descriptors, then walks the page
 * list (never a fixed offset), stopping at the mode data length and the bytes received.
 */
public final class ModeSenseDecoder {
  private ModeSenseDecoder() {}

  /**
   * The Element Address Assignment page (1Dh) from MODE SENSE data.
   *
   * @param tenByte true for MODE SENSE(10) data (8-byte header), false for MODE SENSE(6)
   * @throws MalformedResponseException when the page is absent, cut short or inconsistent
   */
  public static ElementAddressAssignment elementAddressAssignment(byte[] data, boolean tenByte) {
    int page = findPage(data, tenByte, SmcCommands.ELEMENT_ADDRESS_ASSIGNMENT_PAGE);
    if (Bytes.u8(data, page + 1) < 0x12) {
      throw malformed(
          "page 1Dh is " + Bytes.u8(data, page + 1) + " bytes long, 18 (12h) are needed");
    }
    return new ElementAddressAssignment(
        Bytes.u16(data, page + 2),
        Bytes.u16(data, page + 4),
        Bytes.u16(data, page + 6),
        Bytes.u16(data, page + 8),
        Bytes.u16(data, page + 10),
        Bytes.u16(data, page + 12),
        Bytes.u16(data, page + 14),
        Bytes.u16(data, page + 16));
  }

  /**
   * The offset of a page (with SPF=0) whose bytes were fully received.
   *
   * @throws MalformedResponseException when it is not there
   */
  static int findPage(byte[] data, boolean tenByte, int pageCode) {
    int header = tenByte ? 8 : 4;
    if (data.length < header) {
      throw malformed("the mode parameter header is cut short: " + data.length + " bytes");
    }
    int modeDataLength = tenByte ? Bytes.u16(data, 0) + 2 : Bytes.u8(data, 0) + 1;
    int blockDescriptors = tenByte ? Bytes.u16(data, 6) : Bytes.u8(data, 3);
    int end = Math.min(data.length, modeDataLength);
    int pos = header + blockDescriptors;
    while (pos + 2 <= end) {
      int code = Bytes.u8(data, pos) & 0x3F;
      boolean spf = Bytes.bit(data, pos, 6);
      int length;
      int start;
      if (spf) {
        if (pos + 4 > end) {
          break;
        }
        length = Bytes.u16(data, pos + 2);
        start = 4;
      } else {
        length = Bytes.u8(data, pos + 1);
        start = 2;
      }
      if (!spf && code == pageCode) {
        if (pos + start + length > end) {
          throw malformed(
              String.format(
                  "page %02Xh is cut short: %d of %d bytes", pageCode, end - pos, start + length));
        }
        return pos;
      }
      pos += start + length;
    }
    throw malformed(String.format("the device did not return mode page %02Xh", pageCode));
  }

  private static MalformedResponseException malformed(String what) {
    return new MalformedResponseException("malformed MODE SENSE data: " + what);
  }
}
