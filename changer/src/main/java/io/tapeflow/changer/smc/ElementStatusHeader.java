package io.tapeflow.changer.smc;

import java.nio.ByteBuffer;

/**
 * The 8-byte header of READ ELEMENT STATUS data, and how many bytes arrived.
 *
 * @param firstReported FIRST ELEMENT ADDRESS REPORTED
 * @param available NUMBER OF ELEMENTS AVAILABLE
 * @param byteCount BYTE COUNT OF REPORT AVAILABLE (bytes after the header)
 * @param received bytes delivered, header included
 */
record ElementStatusHeader(int firstReported, int available, int byteCount, int received) {
  static final int LENGTH = 8;

  /** Reads the header at the start of {@code b}, whose limit is what the device delivered. */
  static ElementStatusHeader read(ByteBuffer b) {
    int received = b.limit();
    if (received < LENGTH) {
      throw ElementStatusDecoder.malformed(
          "the element status header is cut short: " + received + " of 8 bytes");
    }
    return new ElementStatusHeader(Bytes.u16(b, 0), Bytes.u16(b, 2), Bytes.u24(b, 5), received);
  }

  /** Where the report ends in the data: the byte count's end or the delivered end. */
  int end() {
    return (int) Math.min(received, (long) LENGTH + byteCount);
  }
}
