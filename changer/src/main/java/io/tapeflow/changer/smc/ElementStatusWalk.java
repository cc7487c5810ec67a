package io.tapeflow.changer.smc;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import java.nio.ByteBuffer;

/**
 * One pass over READ ELEMENT STATUS data for {@link ElementStatusDecoder}: {@link #next()} moves to
 * the next descriptor and applies every check; the current descriptor is then read as an {@link
 * Element} or an {@link ElementDescriptor}.
 */
final class ElementStatusWalk {
  private static final int HEADER = ElementStatusHeader.LENGTH;
  private static final int PAGE_HEADER = 8;
  private static final int TAG = 36;
  private static final int TAG_IDENTIFIER = 32;

  private final ByteBuffer b;
  private final ElementStatusRequest request;
  private final byte[] scratch = new byte[TAG_IDENTIFIER];
  private final ElementStatusHeader header;
  private final int end;
  private int firstDescriptorLength;

  // The current page; d is where its next descriptor starts.
  private boolean inPage;
  private long pos = HEADER;
  private int pageBytes;
  private int pageEnd;
  private ElementType type;
  private boolean pvoltag;
  private boolean avoltag;
  private int descLen;
  private int tagsEnd;
  private int d;

  // The current descriptor, and how many came before it.
  private int count;
  private int previous = -1;
  private int offset;
  private int delivered;
  private int address;
  private int flags;
  private boolean full;
  private int source;
  private long primaryBounds;
  private long alternateBounds;
  private boolean tagsDelivered;
  private int idOffset;
  private int idLength;
  private int idCodeSet;

  ElementStatusWalk(ByteBuffer data, ElementStatusRequest request) {
    this.b = data.slice();
    this.request = request;
    this.header = ElementStatusHeader.read(b);
    this.end = header.end();
  }

  /** Moves to the next descriptor, checked; false when the report or the request ends. */
  boolean next() {
    while (count < request.count()) {
      if (inPage) {
        if (d < pageEnd) {
          int n = Math.min(descLen, pageEnd - d);
          if (n >= 3) {
            read(d, n);
            d += descLen;
            count++;
            return true;
          }
        }
        inPage = false;
        pos = pos + PAGE_HEADER + pageBytes;
      }
      if (pos + PAGE_HEADER > end) {
        return false;
      }
      openPage((int) pos);
    }
    return false;
  }

  private void openPage(int at) {
    int typeCode = Bytes.u8(b, at) & 0x0F;
    if (typeCode < 1 || typeCode > 4) {
      throw malformed("element status page at byte " + at + " has element type code " + typeCode);
    }
    type = ElementType.ofCode(typeCode);
    if (request.type() != null && type != request.type()) {
      throw malformed(
          "asked for "
              + request.type()
              + " elements, the device sent a page of "
              + type
              + " at byte "
              + at);
    }
    pvoltag = Bytes.bit(b, at + 1, 7);
    avoltag = Bytes.bit(b, at + 1, 6);
    descLen = Bytes.u16(b, at + 2);
    tagsEnd = ElementDescriptor.PREFIX_LENGTH + (pvoltag ? TAG : 0) + (avoltag ? TAG : 0);
    if (descLen == 0) {
      throw malformed("element status page at byte " + at + " has descriptor length 0");
    }
    if (descLen < tagsEnd) {
      throw malformed(
          "element status page at byte "
              + at
              + " has descriptor length "
              + descLen
              + ", too short for its fields ("
              + tagsEnd
              + " bytes)");
    }
    pageBytes = Bytes.u24(b, at + 5);
    if (pageBytes % descLen != 0) {
      throw malformed(
          "element status page at byte "
              + at
              + " announces "
              + pageBytes
              + " bytes, not a multiple of its descriptor length "
              + descLen);
    }
    if (firstDescriptorLength == 0) {
      firstDescriptorLength = descLen;
    }
    pageEnd = (int) Math.min(end, (long) at + PAGE_HEADER + pageBytes);
    d = at + PAGE_HEADER;
    inPage = true;
  }

  private void read(int at, int n) {
    offset = at;
    delivered = n;
    address = Bytes.u16(b, at);
    flags = Bytes.u8(b, at + 2);
    full = (flags & 0x01) != 0;
    boolean svalid = n >= 12 && Bytes.bit(b, at + 9, 7);
    source = full && svalid ? Bytes.u16(b, at + 10) : -1;

    int tagOffset = ElementDescriptor.PREFIX_LENGTH;
    primaryBounds = 0;
    alternateBounds = 0;
    tagsDelivered = true;
    if (pvoltag) {
      if (n >= tagOffset + TAG_IDENTIFIER) {
        primaryBounds = full ? tagBounds(at + tagOffset) : 0;
      } else {
        tagsDelivered = false;
      }
      tagOffset += TAG;
    }
    if (avoltag) {
      if (n >= tagOffset + TAG_IDENTIFIER) {
        alternateBounds = full ? tagBounds(at + tagOffset) : 0;
      } else {
        tagsDelivered = false;
      }
    }
    readDeviceIdBounds(at, n);
    if (address <= previous) {
      throw malformed(
          "element address "
              + address
              + " at byte "
              + at
              + " does not follow "
              + previous
              + " (addresses must rise)");
    }
    if (address < request.startAddress()) {
      throw malformed(
          "element address "
              + address
              + " is below the starting address "
              + request.startAddress());
    }
    previous = address;
  }

  private long tagBounds(int off) {
    long bounds = Bytes.asciiBounds(b, off, TAG_IDENTIFIER);
    if (bounds == Bytes.NOT_ASCII) {
      throw malformed(
          "the volume tag of element "
              + address
              + " holds non-printable bytes: "
              + Bytes.hex(b, off, TAG_IDENTIFIER));
    }
    return bounds;
  }

  /** The SMC-3 device identifier block after the tags, when present and delivered whole. */
  private void readDeviceIdBounds(int at, int n) {
    idLength = -1;
    if (descLen < tagsEnd + 4 || n < tagsEnd + 4) {
      return;
    }
    int len = Bytes.u8(b, at + tagsEnd + 3);
    if (len == 0) {
      return;
    }
    if (tagsEnd + 4 + len > descLen) {
      throw malformed(
          "the device identifier of element "
              + address
              + " is "
              + len
              + " bytes, longer than its descriptor");
    }
    if (n < tagsEnd + 4 + len) {
      return;
    }
    idCodeSet = Bytes.u8(b, at + tagsEnd) & 0x0F;
    idOffset = at + tagsEnd + 4;
    idLength = len;
  }

  /** The report's header. */
  ElementStatusHeader header() {
    return header;
  }

  /** The descriptor length of the first page, 0 until a page was seen. */
  int firstDescriptorLength() {
    return firstDescriptorLength;
  }

  /** The current descriptor's element address. */
  int address() {
    return address;
  }

  /** The current descriptor holds the fields tapeflow relies on (see ElementDescriptor). */
  boolean sufficient() {
    return delivered >= ElementDescriptor.PREFIX_LENGTH && (tagsDelivered || !full);
  }

  /** The current descriptor as the API's element. */
  Element element() {
    return new Element(type, address, full, primary(), boxedSource());
  }

  private String primary() {
    return primaryBounds == 0 ? null : Bytes.ascii(b, primaryBounds, scratch);
  }

  private Integer boxedSource() {
    return source < 0 ? null : source;
  }

  /** The current descriptor with every field. */
  ElementDescriptor descriptor() {
    boolean ie = type == ElementType.IMPORT_EXPORT;
    String alternate = alternateBounds == 0 ? null : Bytes.ascii(b, alternateBounds, scratch);
    return new ElementDescriptor(
        type,
        address,
        offset,
        descLen,
        delivered,
        full,
        ie && (flags & 0x02) != 0,
        (flags & 0x04) != 0,
        type != ElementType.TRANSPORT && (flags & 0x08) != 0,
        ie && (flags & 0x10) != 0,
        ie && (flags & 0x20) != 0,
        delivered >= 6 ? Bytes.u8(b, offset + 4) : -1,
        delivered >= 6 ? Bytes.u8(b, offset + 5) : -1,
        delivered >= 12 && Bytes.bit(b, offset + 9, 6),
        boxedSource(),
        primary(),
        alternate,
        deviceId(),
        tagsDelivered);
  }

  private String deviceId() {
    if (idLength <= 0) {
      return null;
    }
    if (idCodeSet == 2 || idCodeSet == 3) {
      String s = Bytes.ascii(b, idOffset, idLength);
      return s == null || s.isEmpty() ? Bytes.hex(b, idOffset, idLength) : s;
    }
    return Bytes.hex(b, idOffset, idLength);
  }

  private static MalformedResponseException malformed(String what) {
    return ElementStatusDecoder.malformed(what);
  }
}
