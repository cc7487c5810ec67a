package io.tapeflow.changer.smc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import io.tapeflow.changer.testing.ElementStatusBytes;
import io.tapeflow.changer.testing.ElementStatusBytes.Desc;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The element status decoder on random, garbage, truncated and corrupted input: it only ever throws
 * {@link MalformedResponseException}, never returns an element that is not in the input at a
 * descriptor boundary, and on truncations of a valid report returns a prefix of the true elements
 * with no field wrong (fields cut off are reported as missing, never guessed). The Element-building
 * path the inventory uses ({@code decodeInto}, over a read-only view) agrees with the full decode
 * on every one of those inputs: the same elements, or the same refusal.
 */
class ElementStatusDecoderPropertyTest {

  /** A descriptor layout: length, PVOLTAG, AVOLTAG, identifier block, device id length. */
  record Layout(int length, boolean pvoltag, boolean avoltag, boolean idBlock, int idLength) {}

  static final List<Layout> LAYOUTS =
      List.of(
          new Layout(12, false, false, false, 0),
          new Layout(16, false, false, true, 0),
          new Layout(48, true, false, false, 0),
          new Layout(52, true, false, true, 0),
          new Layout(84, true, true, false, 0),
          new Layout(86, true, false, true, 34),
          new Layout(88, true, true, true, 0));

  /** A generated report and the elements it holds. */
  static final class Report {
    private final byte[] bytes;
    private final List<Desc> descs;
    private final ElementType requestType;

    Report(byte[] bytes, List<Desc> descs, ElementType requestType) {
      this.bytes = bytes.clone();
      this.descs = List.copyOf(descs);
      this.requestType = requestType;
    }

    byte[] bytes() {
      return bytes.clone();
    }

    List<Desc> descs() {
      return descs;
    }

    @Override
    public String toString() {
      return "Report[" + descs.size() + " elements, " + bytes.length + " bytes]";
    }

    ElementStatusRequest request(int count) {
      return new ElementStatusRequest(requestType, 0, count, true, true, true, 0xFFFFFF);
    }
  }

  @Property
  void garbage_onlyMalformedOrElementsAtDescriptorBoundaries(
      @ForAll @Size(max = 400) byte[] data,
      @ForAll("types") ElementType type,
      @ForAll @IntRange(min = 0, max = 0xFFFF) int start,
      @ForAll @IntRange(min = 1, max = 0xFFFF) int count) {
    checkOnlyTrueElements(data, new ElementStatusRequest(type, start, count, true, false, true, 8));
  }

  @Property
  void garbageBehindAPlausibleHeader_onlyMalformedOrElementsAtDescriptorBoundaries(
      @ForAll @Size(min = 8, max = 400) byte[] tail,
      @ForAll @IntRange(min = 1, max = 4) int typeCode,
      @ForAll("layouts") Layout layout,
      @ForAll @IntRange(min = 0, max = 600) int pageBytes) {
    byte[] data = new byte[16 + tail.length];
    int n = 8 + pageBytes;
    data[5] = (byte) (n >> 16);
    data[6] = (byte) (n >> 8);
    data[7] = (byte) n;
    data[8] = (byte) typeCode;
    data[9] = (byte) ((layout.pvoltag() ? 0x80 : 0) | (layout.avoltag() ? 0x40 : 0));
    data[10] = (byte) (layout.length() >> 8);
    data[11] = (byte) layout.length();
    data[13] = (byte) (pageBytes >> 16);
    data[14] = (byte) (pageBytes >> 8);
    data[15] = (byte) pageBytes;
    System.arraycopy(tail, 0, data, 16, tail.length);
    checkOnlyTrueElements(data, new ElementStatusRequest(null, 0, 0xFFFF, true, false, true, 8));
  }

  @Property(tries = 500)
  void validReport_decodesToExactlyItsElements(@ForAll("reports") Report r) {
    ElementStatusReport decoded = ElementStatusDecoder.decode(r.bytes(), r.request(0xFFFF));

    assertThat(decoded.cutShort()).isFalse();
    assertThat(decoded.elements()).hasSize(r.descs().size());
    for (int i = 0; i < r.descs().size(); i++) {
      assertThat(decoded.elements().get(i).complete()).isTrue();
      checkAgainst(decoded.elements().get(i), r.descs().get(i));
    }
  }

  @Property(tries = 500)
  void validReport_stopsAtTheRequestedCount(
      @ForAll("reports") Report r, @ForAll @IntRange(min = 1, max = 50) int count) {
    ElementStatusReport decoded = ElementStatusDecoder.decode(r.bytes(), r.request(count));

    assertThat(decoded.elements()).hasSize(Math.min(count, r.descs().size()));
  }

  @Property(tries = 500)
  void truncatedValidReport_returnsAPrefixWithNoWrongField(
      @ForAll("reports") Report r, @ForAll @IntRange(min = 0, max = 100_000) int cutSeed) {
    int cut = cutSeed % (r.bytes().length + 1);
    byte[] truncated = Arrays.copyOf(r.bytes(), cut);

    if (cut < 8) {
      try {
        ElementStatusDecoder.decode(truncated, r.request(0xFFFF));
        throw new AssertionError("a header cut to " + cut + " bytes was accepted");
      } catch (MalformedResponseException expected) {
        return;
      }
    }
    ElementStatusReport decoded = ElementStatusDecoder.decode(truncated, r.request(0xFFFF));

    assertThat(decoded.elements().size()).isLessThanOrEqualTo(r.descs().size());
    for (int i = 0; i < decoded.elements().size(); i++) {
      checkAgainst(decoded.elements().get(i), r.descs().get(i));
    }
    checkBoundaries(truncated, decoded);
  }

  @Property(tries = 500)
  void corruptedValidReport_onlyMalformedOrElementsAtDescriptorBoundaries(
      @ForAll("reports") Report r,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 255) Integer> values) {
    byte[] corrupted = r.bytes().clone();
    for (int i = 0; i < positions.size(); i++) {
      corrupted[positions.get(i) % corrupted.length] = (byte) (int) values.get(i);
    }
    checkOnlyTrueElements(corrupted, r.request(0xFFFF));
  }

  @Property
  void decodeInto_onGarbage_agreesWithDecode(
      @ForAll @Size(max = 400) byte[] data,
      @ForAll("types") ElementType type,
      @ForAll @IntRange(min = 0, max = 0xFFFF) int start,
      @ForAll @IntRange(min = 1, max = 0xFFFF) int count) {
    checkDecodeIntoAgrees(data, new ElementStatusRequest(type, start, count, true, false, true, 8));
  }

  @Property(tries = 500)
  void decodeInto_onValidTruncatedAndCountLimitedReports_agreesWithDecode(
      @ForAll("reports") Report r,
      @ForAll @IntRange(min = 0, max = 100_000) int cutSeed,
      @ForAll @IntRange(min = 1, max = 60) int count) {
    checkDecodeIntoAgrees(r.bytes(), r.request(0xFFFF));
    checkDecodeIntoAgrees(r.bytes(), r.request(count));
    checkDecodeIntoAgrees(
        Arrays.copyOf(r.bytes(), cutSeed % (r.bytes().length + 1)), r.request(0xFFFF));
  }

  @Property(tries = 500)
  void decodeInto_onCorruptedReports_agreesWithDecode(
      @ForAll("reports") Report r,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 255) Integer> values) {
    byte[] corrupted = r.bytes().clone();
    for (int i = 0; i < positions.size(); i++) {
      corrupted[positions.get(i) % corrupted.length] = (byte) (int) values.get(i);
    }
    checkDecodeIntoAgrees(corrupted, r.request(0xFFFF));
  }

  // --- checks

  /**
   * decodeInto over a read-only view gives exactly the elements of decode's sufficient descriptors,
   * names the first insufficient one, and fails exactly when decode fails.
   */
  static void checkDecodeIntoAgrees(byte[] data, ElementStatusRequest request) {
    ElementStatusReport report = null;
    MalformedResponseException refused = null;
    try {
      report = ElementStatusDecoder.decode(data, request);
    } catch (MalformedResponseException e) {
      refused = e;
    }
    List<Element> into = new ArrayList<>();
    into.add(new Element(ElementType.TRANSPORT, 1, false, null, null));
    ElementStatusSummary summary;
    try {
      summary =
          ElementStatusDecoder.decodeInto(ByteBuffer.wrap(data).asReadOnlyBuffer(), request, into);
    } catch (MalformedResponseException e) {
      assertThat(refused).as("decode accepted what decodeInto refused").isNotNull();
      assertThat(e).hasMessage(refused.getMessage());
      return;
    }
    assertThat(refused).as("decodeInto accepted what decode refused").isNull();
    List<Element> expected = new ArrayList<>();
    expected.add(into.get(0));
    int insufficient = -1;
    for (ElementDescriptor d : report.elements()) {
      if (!d.sufficient()) {
        insufficient = d.address();
        break;
      }
      expected.add(d.toElement());
    }
    assertThat(into).containsExactlyElementsOf(expected);
    assertThat(summary.added()).isEqualTo(expected.size() - 1);
    assertThat(summary.lastAddress())
        .isEqualTo(expected.size() > 1 ? expected.get(expected.size() - 1).address() : -1);
    assertThat(summary.insufficientAddress()).isEqualTo(insufficient);
    assertThat(summary.descriptorLength()).isEqualTo(report.descriptorLength());
    assertThat(summary.cutShort()).isEqualTo(report.cutShort());
    assertThat(summary.neededLength()).isEqualTo(report.neededLength());
  }

  static void checkOnlyTrueElements(byte[] data, ElementStatusRequest request) {
    ElementStatusReport r;
    try {
      r = ElementStatusDecoder.decode(data, request);
    } catch (MalformedResponseException e) {
      return;
    }
    assertThat(r.elements().size()).isLessThanOrEqualTo(request.count());
    checkBoundaries(data, r);
  }

  /**
   * Every element's address and flags are the bytes at a descriptor boundary of the input: the
   * boundaries come from a plain walk of the header and page byte counts.
   */
  static void checkBoundaries(byte[] data, ElementStatusReport r) {
    Set<Integer> boundaries = boundaries(data);
    for (ElementDescriptor e : r.elements()) {
      assertThat(boundaries).contains(e.offset());
      assertThat(e.offset() + 3).isLessThanOrEqualTo(data.length);
      assertThat(((data[e.offset()] & 0xFF) << 8) | (data[e.offset() + 1] & 0xFF))
          .isEqualTo(e.address());
      assertThat((data[e.offset() + 2] & 1) != 0).isEqualTo(e.full());
    }
  }

  static Set<Integer> boundaries(byte[] data) {
    Set<Integer> out = new HashSet<>();
    if (data.length < 8) {
      return out;
    }
    long end = Math.min(data.length, 8L + u24(data, 5));
    long pos = 8;
    while (pos + 8 <= end) {
      int p = (int) pos;
      int len = ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
      long pageEnd = Math.min(end, pos + 8 + u24(data, p + 5));
      if (len == 0) {
        break;
      }
      for (long d = pos + 8; d < pageEnd; d += len) {
        out.add((int) d);
      }
      pos = pos + 8 + u24(data, p + 5);
    }
    return out;
  }

  static int u24(byte[] b, int off) {
    return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
  }

  static void checkAgainst(ElementDescriptor got, Desc want) {
    assertThat(got.address()).isEqualTo(want.address());
    assertThat(got.full()).isEqualTo(want.isFull());
    if (got.deliveredLength() >= 6) {
      assertThat(got.asc()).isEqualTo(want.asc());
      assertThat(got.ascq()).isEqualTo(want.ascq());
    }
    if (got.sourceDelivered()) {
      assertThat(got.source()).isEqualTo(want.isFull() ? want.source() : null);
    } else {
      assertThat(got.source()).isNull();
    }
    if (got.tagsDelivered() && want.isFull()) {
      if (got.descriptorLength() >= 48) {
        assertThat(got.primaryTag()).isEqualTo(want.primaryTag());
      }
    } else if (!got.tagsDelivered()) {
      assertThat(got.alternateTag()).isNull();
    }
    if (!want.isFull()) {
      assertThat(got.primaryTag()).isNull();
      assertThat(got.alternateTag()).isNull();
    }
    if (got.deviceId() != null) {
      assertThat(got.deviceId()).isEqualTo(want.deviceId().strip());
    }
  }

  // --- generators

  @Provide
  Arbitrary<ElementType> types() {
    return Arbitraries.of(ElementType.values()).injectNull(0.2);
  }

  @Provide
  Arbitrary<Layout> layouts() {
    return Arbitraries.of(LAYOUTS);
  }

  @Provide
  Arbitrary<Report> reports() {
    Arbitrary<String> tags =
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            .ofMinLength(1)
            .ofMaxLength(10)
            .injectNull(0.2);
    Arbitrary<int[]> descParts =
        Combinators.combine(
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(-1, 0xFFFF),
                Arbitraries.of(0, 0, 0x04, 0x3B))
            .as((gap, flags, source, asc) -> new int[] {gap, flags, source, asc});
    Arbitrary<List<int[]>> pageParts = descParts.list().ofMaxSize(25);
    return Combinators.combine(
            pageParts.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of(ElementType.values()).list().ofSize(3),
            layouts().list().ofSize(3),
            tags.list().ofSize(80),
            Arbitraries.integers().between(0, 30000),
            Arbitraries.of(true, false))
        .as(ElementStatusDecoderPropertyTest::build);
  }

  static Report build(
      List<List<int[]>> pages,
      List<ElementType> pageTypes,
      List<Layout> layouts,
      List<String> tags,
      int firstAddress,
      boolean oneType) {
    ElementStatusBytes b = new ElementStatusBytes();
    int address = firstAddress;
    int t = 0;
    for (int p = 0; p < pages.size(); p++) {
      ElementType type = oneType ? pageTypes.get(0) : pageTypes.get(p);
      Layout l = layouts.get(p);
      ElementStatusBytes.Page page =
          b.page(type, l.length(), l.pvoltag(), l.avoltag(), l.idBlock(), p % 2 == 1);
      for (int[] d : pages.get(p)) {
        address += d[0];
        if (address > 0xFFFF) {
          break;
        }
        int flags = d[1];
        boolean full = (flags & 1) != 0;
        String tag = l.pvoltag() ? tags.get(t++ % tags.size()) : null;
        String alt = l.avoltag() ? tags.get(t++ % tags.size()) : null;
        String id =
            l.idLength() > 0
                ? String.format("%-8s%-16s%-10s", "IBM", "ULT3580-TD5", "D" + address)
                : null;
        page.add(
            new Desc(
                address,
                flags,
                d[3],
                d[3] == 0 ? 0 : 2,
                d[2] < 0 || !full ? null : d[2],
                full ? tag : null,
                full ? alt : null,
                id));
      }
    }
    return new Report(b.build(), b.descs(), oneType ? pageTypes.get(0) : null);
  }
}
