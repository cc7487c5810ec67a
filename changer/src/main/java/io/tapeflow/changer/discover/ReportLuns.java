package io.tapeflow.changer.discover;

import io.tapeflow.changer.MalformedResponseException;
import java.util.ArrayList;
import java.util.List;

/** REPORT LUNS (A0h): the CDB and a defensive decoder of its answer. Pure functions. */
public final class ReportLuns {
  public static final int OPCODE = 0xA0;

  /** Room for 64 LUNs, far more than a tape gateway target has (one). */
  public static final int ALLOCATION_LENGTH = 8 + 64 * 8;

  private ReportLuns() {}

  /** REPORT LUNS, SELECT REPORT 0 (every logical unit), CONTROL 0. */
  public static byte[] cdb(int allocationLength) {
    if (allocationLength < 16) {
      throw new IllegalArgumentException(
          "REPORT LUNS allocation length must be at least 16, got " + allocationLength);
    }
    byte[] cdb = new byte[12];
    cdb[0] = (byte) OPCODE;
    cdb[6] = (byte) (allocationLength >>> 24);
    cdb[7] = (byte) (allocationLength >>> 16);
    cdb[8] = (byte) (allocationLength >>> 8);
    cdb[9] = (byte) allocationLength;
    return cdb;
  }

  /**
   * The LUNs of the answer, in the order reported. Only single-level LUNs with the peripheral or
   * flat space addressing method are understood (every iSCSI target seen uses them); others are
   * skipped. The list stops at the bytes received even if its header promises more.
   *
   * @throws MalformedResponseException when the header is missing
   */
  public static List<Integer> decode(byte[] data) {
    if (data.length < 8) {
      throw new MalformedResponseException(
          "malformed REPORT LUNS data: " + data.length + " bytes, the header alone is 8");
    }
    long listLength =
        ((data[0] & 0xFFL) << 24)
            | ((data[1] & 0xFF) << 16)
            | ((data[2] & 0xFF) << 8)
            | (data[3] & 0xFF);
    long end = Math.min(data.length, 8 + listLength);
    List<Integer> luns = new ArrayList<>();
    for (int off = 8; off + 8 <= end; off += 8) {
      int method = (data[off] & 0xC0) >>> 6;
      boolean deeper = (data[off + 2] | data[off + 3]) != 0;
      if (deeper || method > 1) {
        continue;
      }
      int lun =
          method == 0
              ? ((data[off] & 0x3F) == 0 ? data[off + 1] & 0xFF : -1)
              : ((data[off] & 0x3F) << 8) | (data[off + 1] & 0xFF);
      if (lun >= 0 && !luns.contains(lun)) {
        luns.add(lun);
      }
    }
    return luns;
  }
}
