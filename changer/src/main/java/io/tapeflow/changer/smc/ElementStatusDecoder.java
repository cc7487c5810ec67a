package io.tapeflow.changer.smc;

import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
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
 */
public final class ElementStatusDecoder {
  private static final int HEADER = 8;
  private static final int PAGE_HEADER = 8;
  private static final int TAG = 36;
  private static final int TAG_IDENTIFIER = 32;

  private ElementStatusDecoder() {}

  /** Decodes {@code data}, the bytes a device returned for {@code request}. */
  public static ElementStatusReport decode(byte[] data, ElementStatusRequest request) {
    if (data.length < HEADER) {
      throw malformed("the element status header is cut short: " + data.length + " of 8 bytes");
    }
    int firstReported = Bytes.u16(data, 0);
    int available = Bytes.u16(data, 2);
    int byteCount = Bytes.u24(data, 5);
    int end = (int) Math.min(data.length, (long) HEADER + byteCount);

    List<ElementDescriptor> out = new ArrayList<>();
    int firstDescriptorLength = 0;
    int previous = -1;
    int pos = HEADER;
    while (pos + PAGE_HEADER <= end && out.size() < request.count()) {
      int typeCode = Bytes.u8(data, pos) & 0x0F;
      if (typeCode < 1 || typeCode > 4) {
        throw malformed(
            "element status page at byte " + pos + " has element type code " + typeCode);
      }
      ElementType type = ElementType.ofCode(typeCode);
      if (request.type() != null && type != request.type()) {
        throw malformed(
            "asked for "
                + request.type()
                + " elements, the device sent a page of "
                + type
                + " at byte "
                + pos);
      }
      boolean pvoltag = Bytes.bit(data, pos + 1, 7);
      boolean avoltag = Bytes.bit(data, pos + 1, 6);
      int descLen = Bytes.u16(data, pos + 2);
      int tagsEnd = ElementDescriptor.PREFIX_LENGTH + (pvoltag ? TAG : 0) + (avoltag ? TAG : 0);
      if (descLen == 0) {
        throw malformed("element status page at byte " + pos + " has descriptor length 0");
      }
      if (descLen < tagsEnd) {
        throw malformed(
            "element status page at byte "
                + pos
                + " has descriptor length "
                + descLen
                + ", too short for its fields ("
                + tagsEnd
                + " bytes)");
      }
      int pageBytes = Bytes.u24(data, pos + 5);
      if (pageBytes % descLen != 0) {
        throw malformed(
            "element status page at byte "
                + pos
                + " announces "
                + pageBytes
                + " bytes, not a multiple of its descriptor length "
                + descLen);
      }
      if (firstDescriptorLength == 0) {
        firstDescriptorLength = descLen;
      }
      int pageEnd = (int) Math.min(end, (long) pos + PAGE_HEADER + pageBytes);
      for (int d = pos + PAGE_HEADER; d < pageEnd && out.size() < request.count(); d += descLen) {
        int delivered = Math.min(descLen, pageEnd - d);
        if (delivered < 3) {
          break;
        }
        ElementDescriptor e =
            descriptor(data, d, delivered, descLen, type, pvoltag, avoltag, tagsEnd);
        if (e.address() <= previous) {
          throw malformed(
              "element address "
                  + e.address()
                  + " at byte "
                  + d
                  + " does not follow "
                  + previous
                  + " (addresses must rise)");
        }
        if (e.address() < request.startAddress()) {
          throw malformed(
              "element address "
                  + e.address()
                  + " is below the starting address "
                  + request.startAddress());
        }
        previous = e.address();
        out.add(e);
      }
      pos = (int) Math.min(Integer.MAX_VALUE, (long) pos + PAGE_HEADER + pageBytes);
    }
    return new ElementStatusReport(
        firstReported, available, byteCount, data.length, firstDescriptorLength, out);
  }

  private static ElementDescriptor descriptor(
      byte[] b,
      int d,
      int delivered,
      int descLen,
      ElementType type,
      boolean pvoltag,
      boolean avoltag,
      int tagsEnd) {
    int address = Bytes.u16(b, d);
    int flags = Bytes.u8(b, d + 2);
    boolean full = (flags & 0x01) != 0;
    boolean ie = type == ElementType.IMPORT_EXPORT;
    int asc = delivered >= 6 ? Bytes.u8(b, d + 4) : -1;
    int ascq = delivered >= 6 ? Bytes.u8(b, d + 5) : -1;
    boolean svalid = delivered >= 12 && Bytes.bit(b, d + 9, 7);
    boolean inverted = delivered >= 12 && Bytes.bit(b, d + 9, 6);
    Integer source = full && svalid ? Bytes.u16(b, d + 10) : null;

    int tagOffset = ElementDescriptor.PREFIX_LENGTH;
    String primary = null;
    boolean tagsDelivered = true;
    if (pvoltag) {
      if (delivered >= tagOffset + TAG_IDENTIFIER) {
        primary = full ? tag(b, d + tagOffset, address) : null;
      } else {
        tagsDelivered = false;
      }
      tagOffset += TAG;
    }
    String alternate = null;
    if (avoltag) {
      if (delivered >= tagOffset + TAG_IDENTIFIER) {
        alternate = full ? tag(b, d + tagOffset, address) : null;
      } else {
        tagsDelivered = false;
      }
    }
    String deviceId = deviceId(b, d, delivered, descLen, tagsEnd, address);
    return new ElementDescriptor(
        type,
        address,
        d,
        descLen,
        delivered,
        full,
        ie && (flags & 0x02) != 0,
        (flags & 0x04) != 0,
        type != ElementType.TRANSPORT && (flags & 0x08) != 0,
        ie && (flags & 0x10) != 0,
        ie && (flags & 0x20) != 0,
        asc,
        ascq,
        inverted,
        source,
        primary,
        alternate,
        deviceId,
        tagsDelivered);
  }

  private static String tag(byte[] b, int off, int address) {
    String t = Bytes.ascii(b, off, TAG_IDENTIFIER);
    if (t == null) {
      throw malformed(
          "the volume tag of element "
              + address
              + " holds non-printable bytes: "
              + Bytes.hex(b, off, TAG_IDENTIFIER));
    }
    return t.isEmpty() ? null : t;
  }

  /** The SMC-3 device identifier block after the tags, when present and delivered whole. */
  private static String deviceId(
      byte[] b, int d, int delivered, int descLen, int tagsEnd, int address) {
    if (descLen < tagsEnd + 4 || delivered < tagsEnd + 4) {
      return null;
    }
    int codeSet = Bytes.u8(b, d + tagsEnd) & 0x0F;
    int idLen = Bytes.u8(b, d + tagsEnd + 3);
    if (idLen == 0) {
      return null;
    }
    if (tagsEnd + 4 + idLen > descLen) {
      throw malformed(
          "the device identifier of element "
              + address
              + " is "
              + idLen
              + " bytes, longer than its descriptor");
    }
    if (delivered < tagsEnd + 4 + idLen) {
      return null;
    }
    int off = d + tagsEnd + 4;
    if (codeSet == 2 || codeSet == 3) {
      String s = Bytes.ascii(b, off, idLen);
      return s == null || s.isEmpty() ? Bytes.hex(b, off, idLen) : s;
    }
    return Bytes.hex(b, off, idLen);
  }

  private static MalformedResponseException malformed(String what) {
    return new MalformedResponseException(
        "malformed READ ELEMENT STATUS data: "
            + what
            + "; the library's answer cannot be trusted, nothing was decided on it");
  }
}
