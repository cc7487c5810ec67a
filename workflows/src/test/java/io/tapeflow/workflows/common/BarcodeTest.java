package io.tapeflow.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodeTest {

  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  /** The record shape of a payload before barcodes were typed. */
  record WithString(String library, String barcode) {}

  /** The same record with a typed barcode. */
  record WithBarcode(String library, Barcode barcode) {}

  @ParameterizedTest
  @ValueSource(strings = {"AB123", "TAPE0001", "ABCDEFGHIJ012345", "00000"})
  void acceptsAwsBarcodes(String text) {
    Barcode b = Barcode.of(text);
    assertThat(b.value()).isEqualTo(text);
    assertThat(b).hasToString(text).isEqualTo(new Barcode(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AB12", "ABCDEFGHIJ0123456", "ab123", "AB 123", "AB-123", "ÄB123"})
  void refusesWhatAwsRefuses(String text) {
    assertThatThrownBy(() -> Barcode.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "' is invalid")
        .hasMessageContaining("5 to 16 characters A-Z and 0-9");
  }

  @Test
  void refusesAMissingBarcode() {
    assertThatThrownBy(() -> Barcode.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("barcode is missing");
  }

  @Property
  void agreesWithTheStringRule(@ForAll("texts") String text) {
    boolean made;
    try {
      Barcode.of(text);
      made = true;
    } catch (IllegalArgumentException e) {
      made = false;
    }
    assertThat(made).isEqualTo(Barcodes.valid(text));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars(" -_")
        .ofMinLength(0)
        .ofMaxLength(20);
  }

  @Property
  void aPayloadIsTheSameBytesAsWithAString(@ForAll("barcodes") String text) {
    Payloads typed = CONVERTER.toPayloads(new WithBarcode("lib1", Barcode.of(text))).orElseThrow();
    Payloads plain = CONVERTER.toPayloads(new WithString("lib1", text)).orElseThrow();
    assertThat(typed.toByteArray()).isEqualTo(plain.toByteArray());
  }

  @Provide
  Arbitrary<String> barcodes() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .ofMinLength(5)
        .ofMaxLength(16);
  }

  @Test
  void aStringPayloadReadsBackAsABarcode() {
    Optional<Payloads> plain = CONVERTER.toPayloads(new WithString("lib1", "TAPE0001"));
    WithBarcode read = CONVERTER.fromPayloads(0, plain, WithBarcode.class, WithBarcode.class);
    assertThat(read).isEqualTo(new WithBarcode("lib1", Barcode.of("TAPE0001")));
  }

  @Test
  void anInvalidBarcodeInAPayloadIsRefusedWithTheReason() {
    Optional<Payloads> plain = CONVERTER.toPayloads(new WithString("lib1", "bad"));
    assertThatThrownBy(() -> CONVERTER.fromPayloads(0, plain, WithBarcode.class, WithBarcode.class))
        .hasStackTraceContaining("'bad' is invalid");
  }
}
