package io.tapeflow.changer.smc;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.MalformedResponseException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes READ ELEMENT STATUS data defensively (SMC-3 §6.10; reference scsi-smc.md §3).
 *
 * <ul>
 *   <li>Stops at the bytes received and at the header's byte count, inside a page at the page's
 *       byte count, and after the number of elements requested.
 *   <li>Walks every page (several pages per type are allowed) and trusts each page's descriptor
 *       length; a length of 0, or one too short for the volume tags the page announces, is refused.
 *   <li>Keeps a trailing descriptor the device cut short, with only the fields fully present
 *       (address and flags need 3 bytes, ASC/ASCQ 6, the source 12, a volume tag its 32-byte
 *       identifier).
 *   <li>Ignores volume tags of empty elements (tgt leaves stale ones); a tag ends at its first NUL
 *       and loses surrounding spaces; a tag of a full element with other non-printable bytes is
 *       refused.
 *   <li>Requires addresses to rise strictly and to be at or above the starting address, and every
 *       page to be of the requested type.
 * </ul>
 *
 * Every loop advances by at least 8 bytes, so no input can make it spin. The only exception it
 * throws is {@link MalformedResponseException}.
 *
 * <p>Two outputs from one walk over the bytes, so both apply exactly the same checks: {@link
 * #decode} gives every field of every descriptor; {@link #decodeInto} builds the API's {@link
 * Element}s straight into the caller's list, with no intermediate objects (an inventory decodes
 * thousands of descriptors).
 */
public final class ElementStatusDecoder {
  private ElementStatusDecoder() {}

  /** Decodes {@code data}, the bytes a device returned for {@code request}. */
  public static ElementStatusReport decode(byte[] data, ElementStatusRequest request) {
    return decode(ByteBuffer.wrap(data), request);
  }

  /**
   * Decodes the remaining bytes of {@code data} (e.g. a response's read-only view), the bytes a
   * device returned for {@code request}. The buffer's position is not changed.
   */
  public static ElementStatusReport decode(ByteBuffer data, ElementStatusRequest request) {
    ElementStatusWalk w = new ElementStatusWalk(data, request);
    List<ElementDescriptor> out = new ArrayList<>();
    while (w.next()) {
      out.add(w.descriptor());
    }
    return new ElementStatusReport(
        w.header().firstReported(),
        w.header().available(),
        w.header().byteCount(),
        w.header().received(),
        w.firstDescriptorLength(),
        out);
  }

  /**
   * Decodes the remaining bytes of {@code data} straight into {@link Element}s, with the checks of
   * {@link #decode}: appends to {@code into}, in address order, the element of every descriptor
   * that is {@link ElementDescriptor#sufficient() sufficient}; a descriptor that is not (the device
   * cut it before its source or volume tag; only the last one can be) is left out and named in the
   * summary. The buffer's position is not changed.
   */
  public static ElementStatusSummary decodeInto(
      ByteBuffer data, ElementStatusRequest request, List<Element> into) {
    ElementStatusWalk w = new ElementStatusWalk(data, request);
    int added = 0;
    int last = -1;
    int insufficient = -1;
    while (w.next()) {
      if (insufficient >= 0 || !w.sufficient()) {
        if (insufficient < 0) {
          insufficient = w.address();
        }
        continue;
      }
      into.add(w.element());
      added++;
      last = w.address();
    }
    return new ElementStatusSummary(
        w.header().firstReported(),
        w.header().available(),
        w.header().byteCount(),
        w.header().received(),
        w.firstDescriptorLength(),
        added,
        last,
        insufficient);
  }

  static MalformedResponseException malformed(String what) {
    return new MalformedResponseException(
        "malformed READ ELEMENT STATUS data: "
            + what
            + "; the library's answer cannot be trusted, nothing was decided on it");
  }
}
