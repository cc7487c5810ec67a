package io.tapeflow.changer.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: bytes from hex text, and a small byte-string builder. */
public final class Hex {
  private Hex() {}

  /** Bytes from hex pairs; spaces, newlines and {@code |} separators are ignored. */
  public static byte[] bytes(String hex) {
    String h = hex.replaceAll("[\\s|]", "");
    if (h.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + h.length());
    }
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  /** Concatenates byte strings, hex text and ASCII text (see {@link #ascii}). */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  /** ASCII text, right-padded with {@code pad} to {@code length} bytes. */
  public static byte[] ascii(String s, int length, byte pad) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, pad);
    byte[] t = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, b, 0, Math.min(t.length, length));
    return b;
  }

  /** {@code n} copies of a byte. */
  public static byte[] repeat(int value, int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  /** Hex text of bytes, space separated. */
  public static String of(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(String.format("%02X", x & 0xFF));
    }
    return s.toString();
  }
}
