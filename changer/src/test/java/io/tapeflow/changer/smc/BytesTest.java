package io.tapeflow.changer.smc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The buffer readers the inventory path uses agree with the array readers, above all the
 * eight-bytes-at-a-time volume tag scan.
 */
class BytesTest {

  @Property(tries = 2000)
  void asciiOfABuffer_agreesWithAsciiOfAnArray(
      @ForAll("fields") List<Byte> field,
      @ForAll @IntRange(min = 0, max = 9) int offset,
      @ForAll @IntRange(min = 0, max = 40) int length) {
    byte[] b = new byte[offset + field.size()];
    for (int i = 0; i < field.size(); i++) {
      b[offset + i] = field.get(i);
    }
    int len = Math.min(length, field.size());
    ByteBuffer view = ByteBuffer.wrap(b).asReadOnlyBuffer();

    assertThat(Bytes.ascii(view, offset, len)).isEqualTo(Bytes.ascii(b, offset, len));
  }

  @Test
  void ascii_ofABarcodePaddedWithSpaces_isTheBarcode() {
    byte[] tag = "BEN00012                        ".getBytes(StandardCharsets.US_ASCII);
    assertThat(Bytes.ascii(ByteBuffer.wrap(tag), 0, 32)).isEqualTo("BEN00012");
  }

  @Test
  void printableNonSpace_acceptsOnlyEightBytesFrom21hTo7Eh() {
    assertThat(Bytes.printableNonSpace(0x2121212121212121L)).isTrue();
    assertThat(Bytes.printableNonSpace(0x7E7E7E7E7E7E7E7EL)).isTrue();
    assertThat(Bytes.printableNonSpace(0x42454E3030303132L)).isTrue(); // BEN00012
    assertThat(Bytes.printableNonSpace(0x42454E3030303120L)).isFalse(); // a space
    assertThat(Bytes.printableNonSpace(0x42454E3030303100L)).isFalse(); // a NUL
    assertThat(Bytes.printableNonSpace(0x7F45454545454545L)).isFalse(); // DEL
    assertThat(Bytes.printableNonSpace(0x4545454545458045L)).isFalse(); // 80h
    assertThat(Bytes.printableNonSpace(0x1F45454545454545L)).isFalse(); // a control byte
    assertThat(Bytes.printableNonSpace(0xFFFFFFFFFFFFFFFFL)).isFalse();
  }

  /** Fields of the bytes that matter at the scan's edges, and of any byte at all. */
  @Provide
  Arbitrary<List<Byte>> fields() {
    Arbitrary<Byte> edges =
        Arbitraries.of(
            (byte) 0x00,
            (byte) 0x1F,
            (byte) 0x20,
            (byte) 0x21,
            (byte) 'A',
            (byte) '9',
            (byte) 0x7E,
            (byte) 0x7F,
            (byte) 0x80,
            (byte) 0xA0,
            (byte) 0xFF);
    Arbitrary<Byte> mostlySpaces =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just((byte) 0x20)),
            Tuple.of(6, Arbitraries.of((byte) 'B', (byte) 'E', (byte) 'N', (byte) '0')),
            Tuple.of(1, edges),
            Tuple.of(1, Arbitraries.bytes()));
    return mostlySpaces.list().ofMaxSize(40);
  }
}
