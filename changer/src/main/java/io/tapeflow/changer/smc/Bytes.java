package io.tapeflow.changer.smc;

import java.nio.charset.StandardCharsets;

/** Big-endian field readers and writers for SCSI data. Callers check bounds first. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  static int u24(byte[] b, int off) {
    return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
  }

  static long u32(byte[] b, int off) {
    return ((long) u16(b, off) << 16) | u16(b, off + 2);
  }

  static long u64(byte[] b, int off) {
    return (u32(b, off) << 32) | u32(b, off + 4);
  }

  static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  static void put24(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 16);
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) v;
  }

  static boolean bit(byte[] b, int off, int bit) {
    return (b[off] & (1 << bit)) != 0;
  }

  /**
   * ASCII text of a fixed field: stops at the first NUL, drops leading and trailing spaces.
   *
   * @return the text, or null when the field holds a byte outside printable ASCII before its end
   */
  static String ascii(byte[] b, int off, int len) {
    // One pass (an inventory decodes thousands of space-padded tags): stop at the first NUL,
    // refuse anything outside printable ASCII, remember the first and last non-space byte. In
    // printable ASCII the space is the only whitespace there is to strip.
    int first = -1;
    int last = -1;
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        break;
      }
      if (c < 0x20 || c > 0x7E) {
        return null;
      }
      if (c != ' ') {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return first < 0 ? "" : new String(b, first, last - first + 1, StandardCharsets.US_ASCII);
  }

  static String hex(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder(len * 2);
    for (int i = off; i < off + len; i++) {
      s.append(String.format("%02X", b[i] & 0xFF));
    }
    return s.toString();
  }
}
