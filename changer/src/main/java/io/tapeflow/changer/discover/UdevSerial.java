package io.tapeflow.changer.discover;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The serial numbers udev's {@code scsi_id} (systemd) derives from a logical unit's VPD pages, and
 * so the {@code /dev/tape/by-id} names the kernel initiator's devices get. Pure functions over the
 * raw INQUIRY bytes.
 *
 * <ul>
 *   <li>{@code ID_SERIAL}: from the first VPD 83h designator in scsi_id's priority order (NAA IEEE
 *       Registered Extended, NAA IEEE Registered, other NAA, EUI-64, T10 vendor id, vendor
 *       specific; binary before ASCII; associated with the logical unit), as one hex digit of the
 *       designator type followed by the identifier (binary as lowercase hex; a vendor specific one
 *       after the INQUIRY vendor and product); without page 83h, {@code S} + vendor + product + the
 *       page 80h serial. Runs of whitespace become one {@code _}, other characters outside {@code
 *       [0-9A-Za-z#+-.:=@_]} become {@code _}.
 *   <li>{@code ID_SCSI_SERIAL}: the page 80h serial, set only when page 83h was read. Gateways give
 *       every device the same page 83h designator, so this is the name that tells drives apart:
 *       {@code /dev/tape/by-id/scsi-<ID_SCSI_SERIAL>-nst}.
 * </ul>
 */
public final class UdevSerial {
  private static final int[][] PRIORITY = {
    // designator type, NAA type (-1 any), code set (1 binary, 2 ASCII)
    {3, 6, 1}, {3, 6, 2}, {3, 5, 1}, {3, 5, 2}, {3, -1, 1}, {3, -1, 2},
    {2, -1, 1}, {2, -1, 2}, {1, -1, 1}, {1, -1, 2}, {0, -1, 1}, {0, -1, 2}
  };
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private UdevSerial() {}

  /**
   * {@code ID_SERIAL}.
   *
   * @param inquiry the standard INQUIRY data (vendor and product come from bytes 8–31)
   * @param page83 VPD page 83h as received, or null when the device has none
   * @param page80 VPD page 80h as received, or null when the device has none
   * @return the serial, empty when scsi_id would find none
   */
  public static Optional<String> idSerial(byte[] inquiry, byte[] page83, byte[] page80) {
    String raw = page83 == null ? null : fromPage83(inquiry, page83);
    if (raw == null && page80 != null && validPage(page80, 0x80)) {
      raw = "S" + vendorModel(inquiry) + field(page80, 4, page80[3] & 0xFF);
    }
    if (raw == null) {
      return Optional.empty();
    }
    String s = escape(raw);
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** {@code ID_SCSI_SERIAL}: the page 80h serial, when page 83h exists (see the class comment). */
  public static Optional<String> idScsiSerial(byte[] page83, byte[] page80) {
    if (page83 == null || !validPage(page83, 0x83) || page80 == null || !validPage(page80, 0x80)) {
      return Optional.empty();
    }
    String s = escape(field(page80, 4, page80[3] & 0xFF));
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static String fromPage83(byte[] inquiry, byte[] p) {
    if (!validPage(p, 0x83)) {
      return null;
    }
    if (p.length > 6 && p[6] != 0) { // pre-SPC-3 layout: a raw binary NAA after the header
      return "3" + hex(p, 4, Math.min(p[3] & 0xFF, p.length - 4));
    }
    int end = Math.min(p.length, 4 + (((p[2] & 0xFF) << 8) | (p[3] & 0xFF)));
    for (int[] want : PRIORITY) {
      for (int j = 4; j + 4 <= end; j += (p[j + 3] & 0xFF) + 4) {
        int codeSet = p[j] & 0x0F;
        int association = (p[j + 1] & 0x30) >>> 4;
        int type = p[j + 1] & 0x0F;
        int len = Math.min(p[j + 3] & 0xFF, end - j - 4);
        if (association != 0 || type != want[0] || codeSet != want[2] || len <= 0) {
          continue;
        }
        if (want[1] >= 0 && ((p[j + 4] & 0xF0) >>> 4) != want[1]) {
          continue;
        }
        String prefix = HEX[type] + (type == 0 ? vendorModel(inquiry) : "");
        return prefix + (codeSet == 2 ? field(p, j + 4, len) : hex(p, j + 4, len));
      }
    }
    return null;
  }

  private static boolean validPage(byte[] p, int code) {
    return p.length >= 4 && (p[1] & 0xFF) == code;
  }

  private static String vendorModel(byte[] inquiry) {
    return field(inquiry, 8, 8) + field(inquiry, 16, 16);
  }

  /** Bytes as C sees them: up to the first NUL, Latin-1, never past the array. */
  private static String field(byte[] b, int off, int len) {
    int end = Math.min(b.length, off + len);
    int n = off;
    while (n < end && b[n] != 0) {
      n++;
    }
    return off >= end ? "" : new String(b, off, n - off, StandardCharsets.ISO_8859_1);
  }

  private static String hex(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder();
    for (int i = off; i < off + len && i < b.length; i++) {
      s.append(HEX[(b[i] & 0xF0) >>> 4]).append(HEX[b[i] & 0x0F]);
    }
    return s.toString();
  }

  /** udev's whitespace collapsing, then its character allow-list, as applied to ID_SERIAL. */
  static String escape(String raw) {
    String trimmed = raw.strip();
    StringBuilder s = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space) {
        s.append('_');
        space = false;
      }
      boolean allowed =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || "#+-.:=@_".indexOf(c) >= 0;
      s.append(allowed ? c : '_');
    }
    return s.toString();
  }
}
