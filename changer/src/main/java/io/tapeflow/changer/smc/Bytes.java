package io.tapeflow.changer.smc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian field readers and writers for SCSI data, over arrays and over (read-only) buffers, at
 * absolute indexes. Callers check bounds first.
 */
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

  static int u8(ByteBuffer b, int off) {
    return b.get(off) & 0xFF;
  }

  static int u16(ByteBuffer b, int off) {
    return ((b.get(off) & 0xFF) << 8) | (b.get(off + 1) & 0xFF);
  }

  static int u24(ByteBuffer b, int off) {
    return ((b.get(off) & 0xFF) << 16) | ((b.get(off + 1) & 0xFF) << 8) | (b.get(off + 2) & 0xFF);
  }

  static boolean bit(ByteBuffer b, int off, int bit) {
    return (b.get(off) & (1 << bit)) != 0;
  }

  /** Marks a field {@link #asciiBounds} found holding a byte outside printable ASCII. */
  static final long NOT_ASCII = -1;

  /**
   * Where the text of a fixed ASCII field lies, by the rules of {@link #ascii(byte[], int, int)},
   * without making a String: the first and last non-space byte before any NUL, packed as {@code
   * first << 32 | end} (end exclusive); 0 when the field is blank; {@link #NOT_ASCII}.
   */
  static long asciiBounds(ByteBuffer b, int off, int len) {
    int first = -1;
    int last = -1;
    int end = off + len;
    int i = off;
    while (i < end) {
      // Eight bytes at a time where they are all padding, or all text (the common barcode).
      if (end - i >= 8) {
        long w = b.getLong(i);
        if (w == EIGHT_SPACES) {
          i += 8;
          continue;
        }
        if (printableNonSpace(w)) {
          if (first < 0) {
            first = i;
          }
          last = i + 7;
          i += 8;
          continue;
        }
      }
      for (int stop = Math.min(end, i + 8); i < stop; i++) {
        int c = b.get(i) & 0xFF;
        if (c == 0) {
          return first < 0 ? 0 : ((long) first << 32) | (last + 1);
        }
        if (c < 0x20 || c > 0x7E) {
          return NOT_ASCII;
        }
        if (c != ' ') {
          if (first < 0) {
            first = i;
          }
          last = i;
        }
      }
    }
    return first < 0 ? 0 : ((long) first << 32) | (last + 1);
  }

  private static final long EIGHT_SPACES = 0x2020202020202020L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** True when every byte of {@code w} is in 21h..7Eh: printable ASCII, not a space. */
  static boolean printableNonSpace(long w) {
    // With no high bit set, adding 5Fh (resp. 01h) to a byte cannot carry into the next one; the
    // sum has its high bit set iff the byte is >= 21h (resp. > 7Eh).
    return (w & HIGH_BITS) == 0
        && ((w + 0x5F5F5F5F5F5F5F5FL) & HIGH_BITS) == HIGH_BITS
        && ((w + 0x0101010101010101L) & HIGH_BITS) == 0;
  }

  /**
   * The text {@link #asciiBounds} found (not {@link #NOT_ASCII}), or "" when blank; {@code scratch}
   * is working space, used when long enough.
   */
  static String ascii(ByteBuffer b, long bounds, byte[] scratch) {
    int first = (int) (bounds >>> 32);
    int n = (int) bounds - first;
    if (n <= 0) {
      return "";
    }
    byte[] into = n <= scratch.length ? scratch : new byte[n];
    b.get(first, into, 0, n);
    return new String(into, 0, n, StandardCharsets.US_ASCII);
  }

  /** ASCII text of a fixed field of a buffer, as {@link #ascii(byte[], int, int)}. */
  static String ascii(ByteBuffer b, int off, int len) {
    long bounds = asciiBounds(b, off, len);
    return bounds == NOT_ASCII ? null : ascii(b, bounds, new byte[len]);
  }

  static String hex(ByteBuffer b, int off, int len) {
    StringBuilder s = new StringBuilder(len * 2);
    for (int i = off; i < off + len; i++) {
      s.append(String.format("%02X", b.get(i) & 0xFF));
    }
    return s.toString();
  }

  static String hex(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder(len * 2);
    for (int i = off; i < off + len; i++) {
      s.append(String.format("%02X", b[i] & 0xFF));
    }
    return s.toString();
  }
}
