package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.ascii;
import static io.tapeflow.changer.testing.Hex.bytes;
import static io.tapeflow.changer.testing.Hex.concat;
import static io.tapeflow.changer.testing.Hex.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import io.tapeflow.changer.testing.ElementStatusBytes;
import io.tapeflow.changer.testing.ElementStatusBytes.Desc;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementStatusDecoderTest {

  /** Reference §3.5: tgt's answer to {@code B8 12 4E 20 00 02 00 00 10 00 00 00}. */
  static final byte[] TGT_STORAGE =
      concat(
          bytes("4e 20 00 04 00 00 00 d8"),
          bytes("02 80 00 34 00 00 00 d0"),
          bytes("4e 20 00 00 00 00 00 00 00 00 00 00"),
          repeat(0x20, 32),
          bytes("00 00 00 00 00 00 00 00"),
          bytes("4e 21 01 00 00 00 00 00 00 00 00 00"),
          ascii("TAP964B33", 32, (byte) ' '),
          repeat(0, 8),
          bytes("4e 22 00 00 00 00 00 00 00 00 00 00"),
          repeat(0x20, 32),
          bytes("00 00 00 00 00 00 00 00"),
          bytes("4e 23 00 00 00 00 00 00 00 00 00 00"),
          repeat(0x20, 32));

  /** Reference §3.5: tgt's answer to {@code B8 14 27 10 00 02 01 00 10 00 00 00} (DVCID). */
  static final byte[] TGT_DRIVES_DVCID =
      concat(
          bytes("27 10 00 02 00 00 00 b4"),
          bytes("04 80 00 56 00 00 00 ac"),
          bytes("27 10 01 00 00 00 00 00 00 80 4e 20"),
          ascii("TAP964B36", 32, (byte) ' '),
          bytes("00 00 00 00"),
          bytes("02 01 00 22"),
          ascii("IBM", 8, (byte) ' '),
          ascii("ULT3580-TD5", 16, (byte) ' '),
          ascii("SGWDRV01", 10, (byte) 0),
          bytes("27 11 00 00 04 02 00 00 00 00 00 00"),
          repeat(0x20, 32),
          bytes("00 00 00 00"),
          bytes("02 01 00 22"),
          repeat(0, 26));

  static ElementStatusRequest storageRequest() {
    return new ElementStatusRequest(ElementType.STORAGE, 20000, 2, true, false, false, 4096);
  }

  @Test
  void tgtStorageVector_isTheCapturedLength() {
    assertThat(TGT_STORAGE).hasSize(216);
    assertThat(TGT_DRIVES_DVCID).hasSize(180);
  }

  @Test
  void decode_tgtStorageVector_stopsAtTheRequestedCountAlthoughTgtSentFour() {
    ElementStatusReport r = ElementStatusDecoder.decode(TGT_STORAGE, storageRequest());

    assertThat(r.elementsAvailable()).isEqualTo(4);
    assertThat(r.byteCountAvailable()).isEqualTo(216);
    assertThat(r.cutShort()).isTrue();
    assertThat(r.elements())
        .extracting(ElementDescriptor::toElement)
        .containsExactly(
            new Element(ElementType.STORAGE, 20000, false, null, null),
            new Element(ElementType.STORAGE, 20001, true, "TAP964B33", null));
  }

  @Test
  void decode_tgtStorageVector_keepsTheLastDescriptorTgtCutEightBytesShort() {
    ElementStatusRequest all =
        new ElementStatusRequest(ElementType.STORAGE, 20000, 0xFFFF, true, false, false, 4096);

    ElementStatusReport r = ElementStatusDecoder.decode(TGT_STORAGE, all);

    assertThat(r.elements())
        .extracting(ElementDescriptor::address)
        .containsExactly(20000, 20001, 20002, 20003);
    ElementDescriptor last = r.elements().get(3);
    assertThat(last.deliveredLength()).isEqualTo(44);
    assertThat(last.complete()).isFalse();
    assertThat(last.tagsDelivered()).isTrue();
    assertThat(last.sufficient()).isTrue();
    assertThat(last.full()).isFalse();
    assertThat(r.elements().get(1).offset()).isEqualTo(16 + 52);
  }

  @Test
  void decode_tgtDriveVectorWithDeviceIds_readsSourceTagAndIdentifier() {
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.DRIVE, 10000, 2, true, true, false, 4096);

    ElementStatusReport r = ElementStatusDecoder.decode(TGT_DRIVES_DVCID, req);

    assertThat(r.descriptorLength()).isEqualTo(86);
    ElementDescriptor d0 = r.elements().get(0);
    assertThat(d0.toElement())
        .isEqualTo(new Element(ElementType.DRIVE, 10000, true, "TAP964B36", 20000));
    assertThat(d0.deviceId()).isEqualTo("IBM     ULT3580-TD5     SGWDRV01");
    ElementDescriptor d1 = r.elements().get(1);
    assertThat(d1.address()).isEqualTo(10001);
    assertThat(d1.full()).isFalse();
    assertThat(d1.asc()).isEqualTo(0x04);
    assertThat(d1.ascq()).isEqualTo(0x02);
    assertThat(d1.deliveredLength()).isEqualTo(78);
    assertThat(d1.deviceId()).isNull();
    assertThat(d1.sufficient()).isTrue();
  }

  @Test
  void decode_tgtEmptyResult_isNoElements() {
    ElementStatusReport r =
        ElementStatusDecoder.decode(bytes("00 00 00 00 00 00 00 08"), storageRequest());

    assertThat(r.elements()).isEmpty();
    assertThat(r.elementsAvailable()).isZero();
  }

  @Test
  void decode_typeZeroReportWithSeveralPagesPerType_readsEveryPageInOrder() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.TRANSPORT).add(Desc.empty(1));
    b.page(ElementType.STORAGE).add(Desc.full(100, "AAA001", null)).add(Desc.empty(101));
    b.page(ElementType.DRIVE).add(Desc.full(200, "AAA002", 101));
    b.page(ElementType.STORAGE).add(Desc.empty(300));
    ElementStatusRequest all = new ElementStatusRequest(null, 0, 0xFFFF, true, false, true, 8192);

    ElementStatusReport r = ElementStatusDecoder.decode(b.build(), all);

    assertThat(r.elements())
        .extracting(ElementDescriptor::toElement)
        .containsExactly(
            new Element(ElementType.TRANSPORT, 1, false, null, null),
            new Element(ElementType.STORAGE, 100, true, "AAA001", null),
            new Element(ElementType.STORAGE, 101, false, null, null),
            new Element(ElementType.DRIVE, 200, true, "AAA002", 101),
            new Element(ElementType.STORAGE, 300, false, null, null));
  }

  @Test
  void decode_alternateVolumeTags_readsBothTagsFromEightyFourByteDescriptors() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE, 84, true, true, false, false)
        .add(new Desc(5, 0x01, 0, 0, null, "PRIM01", "ALT01", null));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.STORAGE, 0, 10, true, false, true, 4096);

    ElementDescriptor d = ElementStatusDecoder.decode(b.build(), req).elements().get(0);

    assertThat(d.primaryTag()).isEqualTo("PRIM01");
    assertThat(d.alternateTag()).isEqualTo("ALT01");
    assertThat(d.descriptorLength()).isEqualTo(84);
  }

  @Test
  void decode_smc2FortyEightByteDescriptors_haveNoIdentifierBlock() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE, 48, true, false, false, false)
        .add(Desc.full(1, "OLD001", 7))
        .add(Desc.empty(2));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.STORAGE, 1, 10, true, false, true, 4096);

    ElementStatusReport r = ElementStatusDecoder.decode(b.build(), req);

    assertThat(r.elements())
        .extracting(ElementDescriptor::toElement)
        .containsExactly(
            new Element(ElementType.STORAGE, 1, true, "OLD001", 7),
            new Element(ElementType.STORAGE, 2, false, null, null));
    assertThat(r.elements()).allMatch(ElementDescriptor::complete);
  }

  @Test
  void decode_importExportFlags_areReadPerBit() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.IMPORT_EXPORT)
        .add(new Desc(30000, 0x01 | 0x02 | 0x08 | 0x10 | 0x20, 0, 0, null, "IMP001", null, null))
        .add(new Desc(30001, 0x04, 0x3B, 0x12, null, null, null, null));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.IMPORT_EXPORT, 30000, 10, true, false, true, 4096);

    ElementStatusReport r = ElementStatusDecoder.decode(b.build(), req);

    ElementDescriptor imported = r.elements().get(0);
    assertThat(imported.full()).isTrue();
    assertThat(imported.importExport()).isTrue();
    assertThat(imported.access()).isTrue();
    assertThat(imported.exportEnabled()).isTrue();
    assertThat(imported.importEnabled()).isTrue();
    assertThat(imported.exception()).isFalse();
    ElementDescriptor broken = r.elements().get(1);
    assertThat(broken.exception()).isTrue();
    assertThat(broken.full()).isFalse();
    assertThat(broken.access()).isFalse();
    assertThat(broken.asc()).isEqualTo(0x3B);
    assertThat(broken.ascq()).isEqualTo(0x12);
  }

  @Test
  void decode_nulPaddedTags_areTrimmed() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE, 52, true, false, true, true).add(Desc.full(9, "NUL001", null));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.STORAGE, 0, 10, true, false, true, 4096);

    assertThat(ElementStatusDecoder.decode(b.build(), req).elements().get(0).primaryTag())
        .isEqualTo("NUL001");
  }

  @Test
  void decode_staleTagOnAnEmptyElement_isIgnored() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.DRIVE).add(new Desc(10000, 0, 0, 0, 20001, "STALE1", null, null));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.DRIVE, 10000, 10, true, false, true, 4096);

    Element e = ElementStatusDecoder.decode(b.build(), req).elements().get(0).toElement();

    assertThat(e).isEqualTo(new Element(ElementType.DRIVE, 10000, false, null, null));
  }

  @Test
  void decode_blankTagOnAFullElement_isAnUnlabelledCartridge() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.full(20000, null, null));
    ElementStatusRequest req = ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 4096);

    Element e = ElementStatusDecoder.decode(b.build(), req).elements().get(0).toElement();

    assertThat(e.full()).isTrue();
    assertThat(e.barcode()).isNull();
  }

  @Test
  void decode_withoutVolumeTags_readsSixteenByteDescriptors() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE, 16, false, false, true, false)
        .add(Desc.full(20000, null, null))
        .add(Desc.empty(20001));
    ElementStatusRequest req =
        new ElementStatusRequest(ElementType.STORAGE, 20000, 10, false, false, true, 4096);

    ElementStatusReport r = ElementStatusDecoder.decode(b.build(), req);

    assertThat(r.elements()).extracting(ElementDescriptor::full).containsExactly(true, false);
  }

  @Test
  void decode_cutInsideATag_keepsAddressAndFlagsButMarksTheTagMissing() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.full(20000, "CUT001", 30000));
    byte[] cut = Arrays.copyOf(b.build(), 16 + 30);
    ElementStatusRequest req = ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 46);

    ElementDescriptor d = ElementStatusDecoder.decode(cut, req).elements().get(0);

    assertThat(d.full()).isTrue();
    assertThat(d.source()).isEqualTo(30000);
    assertThat(d.primaryTag()).isNull();
    assertThat(d.tagsDelivered()).isFalse();
    assertThat(d.sufficient()).isFalse();
  }

  @Test
  void decode_cutBeforeTheSource_leavesTheSourceUnknown() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.full(20000, "CUT001", 30000));
    byte[] cut = Arrays.copyOf(b.build(), 16 + 8);

    ElementDescriptor d =
        ElementStatusDecoder.decode(cut, ElementStatusRequest.ofType(ElementType.STORAGE, 0, 24))
            .elements()
            .get(0);

    assertThat(d.full()).isTrue();
    assertThat(d.source()).isNull();
    assertThat(d.sourceDelivered()).isFalse();
  }

  @Test
  void decode_fewerThanThreeDescriptorBytes_yieldsNoElement() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.full(20000, "CUT001", null));

    ElementStatusReport r =
        ElementStatusDecoder.decode(
            Arrays.copyOf(b.build(), 18), ElementStatusRequest.ofType(ElementType.STORAGE, 0, 18));

    assertThat(r.elements()).isEmpty();
  }

  @Test
  void decode_descriptorLengthZero_isRejected() {
    byte[] data =
        bytes(
            "00 01 00 01 00 00 00 14 | 02 80 00 00 00 00 00 0c | 00 01 01 00 00 00 00 00 00 00 00 00");

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    data, ElementStatusRequest.ofType(ElementType.STORAGE, 0, 64)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("descriptor length 0");
  }

  @Test
  void decode_pageOfAnotherType_isRejected() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.DRIVE).add(Desc.empty(10000));

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    b.build(), ElementStatusRequest.ofType(ElementType.STORAGE, 0, 4096)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("asked for STORAGE");
  }

  @Test
  void decode_addressesThatDoNotRise_areRejected() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.empty(20001)).add(Desc.empty(20001));

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    b.build(), ElementStatusRequest.ofType(ElementType.STORAGE, 0, 4096)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("addresses must rise");
  }

  @Test
  void decode_addressBelowTheStartingAddress_isRejected() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.empty(19999));

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    b.build(), ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 4096)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("below the starting address");
  }

  @Test
  void decode_descriptorTooShortForItsVolumeTag_isRejected() {
    byte[] data = bytes("00 01 00 01 00 00 00 18 | 02 80 00 10 00 00 00 10");
    byte[] full = concat(data, repeat(0, 16));

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    full, ElementStatusRequest.ofType(ElementType.STORAGE, 0, 64)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void decode_nonPrintableTagOfAFullElement_isRejected() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.full(20000, "BAD\u0007X", null));

    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    b.build(), ElementStatusRequest.ofType(ElementType.STORAGE, 0, 4096)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("non-printable");
  }

  @Test
  void decode_headerCutShort_isRejected() {
    assertThatThrownBy(
            () ->
                ElementStatusDecoder.decode(
                    bytes("00 01 00"), ElementStatusRequest.ofType(ElementType.STORAGE, 0, 64)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("header is cut short");
  }

  @Test
  void decode_bytesBeyondTheHeaderByteCount_areIgnored() {
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(ElementType.STORAGE).add(Desc.empty(20000));
    byte[] withTrailingGarbage = concat(b.build(), repeat(0xFF, 100));

    ElementStatusReport r =
        ElementStatusDecoder.decode(
            withTrailingGarbage, ElementStatusRequest.ofType(ElementType.STORAGE, 0, 4096));

    assertThat(r.elements()).hasSize(1);
  }

  @Test
  void decodeInto_tgtStorageVector_appendsElementsInAddressOrder() {
    List<Element> into = new ArrayList<>();
    ElementStatusRequest all = ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 4096);

    ElementStatusSummary s =
        ElementStatusDecoder.decodeInto(ByteBuffer.wrap(TGT_STORAGE).asReadOnlyBuffer(), all, into);

    assertThat(into)
        .containsExactly(
            new Element(ElementType.STORAGE, 20000, false, null, null),
            new Element(ElementType.STORAGE, 20001, true, "TAP964B33", null),
            new Element(ElementType.STORAGE, 20002, false, null, null),
            new Element(ElementType.STORAGE, 20003, false, null, null));
    assertThat(s.added()).isEqualTo(4);
    assertThat(s.lastAddress()).isEqualTo(20003);
    assertThat(s.endsInsufficient()).isFalse();
    assertThat(s.descriptorLength()).isEqualTo(52);
    assertThat(s.cutShort()).isTrue();
  }

  @Test
  void decodeInto_aFullDescriptorCutInsideItsTag_isLeftOutAndNamed() {
    byte[] lastFull = TGT_STORAGE.clone();
    lastFull[8 + 8 + 3 * 52 + 2] = 0x01; // 20003 FULL
    byte[] cut = Arrays.copyOf(lastFull, lastFull.length - 10); // its tag loses 10 bytes
    List<Element> into = new ArrayList<>();

    ElementStatusSummary s =
        ElementStatusDecoder.decodeInto(
            ByteBuffer.wrap(cut),
            ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 4096),
            into);

    assertThat(into).extracting(Element::address).containsExactly(20000, 20001, 20002);
    assertThat(s.insufficientAddress()).isEqualTo(20003);
    assertThat(s.lastAddress()).isEqualTo(20002);
  }

  @Test
  void decodeInto_readsTheRemainingBytesOfAView_andLeavesItsPositionAlone() {
    ByteBuffer view =
        ByteBuffer.wrap(concat(repeat(0xFF, 5), TGT_STORAGE)).position(5).asReadOnlyBuffer();
    List<Element> into = new ArrayList<>();

    ElementStatusDecoder.decodeInto(
        view, ElementStatusRequest.ofType(ElementType.STORAGE, 20000, 4096), into);

    assertThat(into).hasSize(4);
    assertThat(view.position()).isEqualTo(5);
    assertThat(ElementStatusDecoder.decode(view, storageRequest()).elements()).hasSize(2);
  }
}
