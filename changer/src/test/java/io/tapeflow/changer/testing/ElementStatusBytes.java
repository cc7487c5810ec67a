package io.tapeflow.changer.testing;

import io.tapeflow.changer.ElementType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: builds READ ELEMENT STATUS data from a description of pages and elements, the way an
 * SMC-3 device lays it out (reference scsi-smc.md §3.1–3.3). Used for synthetic vectors, for the
 * property tests and by {@link FaultInjectingFakeLibrary}.
 */
public final class ElementStatusBytes {

  /**
   * One element descriptor's content.
   *
   * @param flags byte 2 (bit 0 FULL, 1 IMPEXP, 2 EXCEPT, 3 ACCESS, 4 EXENAB, 5 INENAB)
   * @param source the source address (SVALID set) or null
   * @param primaryTag the primary tag text or null (blank field)
   * @param alternateTag the alternate tag text or null
   * @param deviceId ASCII device identifier or null (empty identifier block)
   */
  public record Desc(
      int address,
      int flags,
      int asc,
      int ascq,
      Integer source,
      String primaryTag,
      String alternateTag,
      String deviceId) {

    public static Desc empty(int address) {
      return new Desc(address, 0, 0, 0, null, null, null, null);
    }

    public static Desc full(int address, String tag, Integer source) {
      return new Desc(address, 0x01, 0, 0, source, tag, null, null);
    }

    public boolean isFull() {
      return (flags & 1) != 0;
    }
  }

  /** One page: a type, its descriptor layout, and its descriptors. */
  public static final class Page {
    final ElementType type;
    final int descriptorLength;
    final boolean pvoltag;
    final boolean avoltag;
    final boolean deviceIdBlock;
    final boolean nulPadding;
    final List<Desc> descs = new ArrayList<>();

    Page(
        ElementType type,
        int descriptorLength,
        boolean pvoltag,
        boolean avoltag,
        boolean deviceIdBlock,
        boolean nulPadding) {
      this.type = type;
      this.descriptorLength = descriptorLength;
      this.pvoltag = pvoltag;
      this.avoltag = avoltag;
      this.deviceIdBlock = deviceIdBlock;
      this.nulPadding = nulPadding;
    }

    public Page add(Desc d) {
      descs.add(d);
      return this;
    }

    public Page addAll(List<Desc> ds) {
      descs.addAll(ds);
      return this;
    }

    byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int bytes = descs.size() * descriptorLength;
      out.write(type.code());
      out.write((pvoltag ? 0x80 : 0) | (avoltag ? 0x40 : 0));
      out.write(descriptorLength >> 8);
      out.write(descriptorLength);
      out.write(0);
      out.write(bytes >> 16);
      out.write(bytes >> 8);
      out.write(bytes);
      for (Desc d : descs) {
        byte[] b = new byte[descriptorLength];
        b[0] = (byte) (d.address() >> 8);
        b[1] = (byte) d.address();
        b[2] = (byte) d.flags();
        b[4] = (byte) d.asc();
        b[5] = (byte) d.ascq();
        if (d.source() != null) {
          b[9] = (byte) 0x80;
          b[10] = (byte) (d.source() >> 8);
          b[11] = (byte) (int) d.source();
        }
        int p = 12;
        if (pvoltag) {
          tag(b, p, d.primaryTag());
          p += 36;
        }
        if (avoltag) {
          tag(b, p, d.alternateTag());
          p += 36;
        }
        if (deviceIdBlock && p + 4 <= descriptorLength) {
          b[p] = 0x02;
          b[p + 1] = 0x01;
          if (d.deviceId() != null) {
            byte[] id = d.deviceId().getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(id.length, descriptorLength - p - 4);
            b[p + 3] = (byte) n;
            System.arraycopy(id, 0, b, p + 4, n);
          }
        }
        out.write(b, 0, b.length);
      }
      return out.toByteArray();
    }

    private void tag(byte[] b, int p, String text) {
      Arrays.fill(b, p, p + 32, nulPadding ? (byte) 0 : (byte) ' ');
      if (text != null) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, p, Math.min(32, t.length));
      }
    }
  }

  private final List<Page> pages = new ArrayList<>();

  /** A page with SMC-3 VOLTAG descriptors: 52 bytes, space padded, empty identifier block. */
  public Page page(ElementType type) {
    return page(type, 52, true, false, true, false);
  }

  /** A page with an explicit layout. */
  public Page page(
      ElementType type,
      int descriptorLength,
      boolean pvoltag,
      boolean avoltag,
      boolean deviceIdBlock,
      boolean nulPadding) {
    Page p = new Page(type, descriptorLength, pvoltag, avoltag, deviceIdBlock, nulPadding);
    pages.add(p);
    return p;
  }

  /** Every descriptor, in page order. */
  public List<Desc> descs() {
    List<Desc> all = new ArrayList<>();
    pages.forEach(p -> all.addAll(p.descs));
    return all;
  }

  /** The complete report, header included. */
  public byte[] build() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int count = 0;
    int first = -1;
    for (Page p : pages) {
      byte[] b = p.encode();
      body.write(b, 0, b.length);
      count += p.descs.size();
      if (first < 0 && !p.descs.isEmpty()) {
        first = p.descs.get(0).address();
      }
    }
    first = Math.max(first, 0);
    int n = body.size();
    byte[] header = {
      (byte) (first >> 8),
      (byte) first,
      (byte) (count >> 8),
      (byte) count,
      0,
      (byte) (n >> 16),
      (byte) (n >> 8),
      (byte) n
    };
    return Hex.concat(header, body.toByteArray());
  }
}
