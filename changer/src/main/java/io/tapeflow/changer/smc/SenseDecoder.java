package io.tapeflow.changer.smc;

import java.util.Arrays;

/**
 * Decodes sense bytes, fixed (70h/71h) or descriptor (72h/73h) format, into {@link SenseData}: only
 * the bytes the device said it returned are read; what cannot be parsed keeps its raw bytes.
 */
final class SenseDecoder {
  private SenseDecoder() {}

  static SenseData decode(byte[] sense) {
    byte[] b = sense.clone();
    if (b.length == 0) {
      return unparseable(b, SenseData.Format.NONE);
    }
    int code = b[0] & 0x7F;
    return switch (code) {
      case 0x70, 0x71 -> fixed(b, code == 0x71);
      case 0x72, 0x73 -> descriptor(b, code == 0x73);
      case 0x7F -> unparseable(b, SenseData.Format.VENDOR);
      default -> unparseable(b, SenseData.Format.UNPARSEABLE);
    };
  }

  private static SenseData unparseable(byte[] b, SenseData.Format f) {
    return new SenseData(b, f, false, -1, -1, -1, null, null, false, false, false);
  }

  private static SenseData fixed(byte[] b, boolean deferred) {
    if (b.length < 3) {
      return unparseable(b, SenseData.Format.UNPARSEABLE);
    }
    int total = b.length >= 8 ? Math.min(b.length, 8 + Bytes.u8(b, 7)) : b.length;
    Long info = (b[0] & 0x80) != 0 && total >= 7 ? Bytes.u32(b, 3) : null;
    int asc = total >= 14 ? Bytes.u8(b, 12) : -1;
    int ascq = total >= 14 ? Bytes.u8(b, 13) : -1;
    byte[] sks = total >= 18 && (b[15] & 0x80) != 0 ? Arrays.copyOfRange(b, 15, 18) : null;
    return new SenseData(
        Arrays.copyOf(b, total),
        SenseData.Format.FIXED,
        deferred,
        b[2] & 0x0F,
        asc,
        ascq,
        info,
        sks,
        (b[2] & 0x80) != 0,
        (b[2] & 0x40) != 0,
        (b[2] & 0x20) != 0);
  }

  private static SenseData descriptor(byte[] b, boolean deferred) {
    if (b.length < 8) {
      return unparseable(b, SenseData.Format.UNPARSEABLE);
    }
    int total = Math.min(b.length, 8 + Bytes.u8(b, 7));
    Long info = null;
    byte[] sks = null;
    boolean filemark = false;
    boolean eom = false;
    boolean ili = false;
    int p = 8;
    while (p + 2 <= total) {
      int type = Bytes.u8(b, p);
      int len = Bytes.u8(b, p + 1);
      if (p + 2 + len > total) {
        break;
      }
      if (type == 0x00 && len >= 0x0A && (b[p + 2] & 0x80) != 0) {
        info = Bytes.u64(b, p + 4);
      } else if (type == 0x02 && len >= 6 && (b[p + 4] & 0x80) != 0) {
        sks = Arrays.copyOfRange(b, p + 4, p + 7);
      } else if (type == 0x04 && len >= 2) {
        filemark = (b[p + 3] & 0x80) != 0;
        eom = (b[p + 3] & 0x40) != 0;
        ili = (b[p + 3] & 0x20) != 0;
      }
      p += 2 + len;
    }
    return new SenseData(
        Arrays.copyOf(b, total),
        SenseData.Format.DESCRIPTOR,
        deferred,
        b[1] & 0x0F,
        Bytes.u8(b, 2),
        Bytes.u8(b, 3),
        info,
        sks,
        filemark,
        eom,
        ili);
  }
}
