package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ChangerCommandException;
import io.tapeflow.changer.ChangerHardwareException;
import io.tapeflow.changer.ChangerNotReadyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.IllegalRequestException;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.ScsiCondition;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.UnitAttentionException;
import io.tapeflow.changer.scsi.ScsiResponse;
import org.junit.jupiter.api.Test;

class ScsiFailuresTest {
  static final Element SOURCE = new Element(ElementType.STORAGE, 20001, true, "TAP001", null);
  static final Element DEST = new Element(ElementType.STORAGE, 20005, false, null, null);
  static final ScsiFailures.Context MOVE =
      new ScsiFailures.Context("changer X", "MOVE MEDIUM slot 20001 -> slot 20005", SOURCE, DEST);

  static ChangerCommandException fixed(int key, int asc, int ascq) {
    byte[] sense = bytes("70 00 00 00 00 00 00 0A 00 00 00 00 00 00 00 00 00 00");
    sense[2] = (byte) key;
    sense[12] = (byte) asc;
    sense[13] = (byte) ascq;
    return ScsiFailures.of(ScsiResponse.of(2, new byte[0], sense), MOVE);
  }

  @Test
  void sourceEmpty_namesTheSourceAndWhatToDo() {
    ChangerCommandException e = fixed(5, 0x3B, 0x0E);

    assertThat(e).isInstanceOf(SourceEmptyException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.condition()).contains(ScsiCondition.checkCondition(5, 0x3B, 0x0E));
    assertThat(e.getMessage())
        .startsWith("slot 20001 of changer X is empty (the changer answered 05/3B/0E")
        .contains("run `tapeflow changer status`");
  }

  @Test
  void destinationFull_namesTheSlotAndSaysRetryWithAFreeSlot() {
    ChangerCommandException e = fixed(5, 0x3B, 0x0D);

    assertThat(e).isInstanceOf(DestinationFullException.class);
    assertThat(e.getMessage())
        .startsWith("slot 20005 of changer X already holds a cartridge")
        .endsWith("run `tapeflow changer status` and retry with a free slot");
  }

  @Test
  void removalPrevented_bothQualifiers() {
    assertThat(fixed(5, 0x53, 0x02)).isInstanceOf(MediumRemovalPreventedException.class);
    assertThat(fixed(5, 0x53, 0x03))
        .isInstanceOf(MediumRemovalPreventedException.class)
        .hasMessageContaining("unload the drive");
  }

  @Test
  void notReady_becomingReadyIsRetryable_manualInterventionIsNot() {
    ChangerCommandException becoming = fixed(2, 0x04, 0x01);
    ChangerCommandException manual = fixed(2, 0x04, 0x03);

    assertThat(becoming).isInstanceOf(ChangerNotReadyException.class);
    assertThat(becoming.retryable()).isTrue();
    assertThat(manual).isInstanceOf(ChangerNotReadyException.class);
    assertThat(manual.retryable()).isFalse();
    assertThat(manual.getMessage()).contains("an operator has to act");
  }

  @Test
  void unitAttention_isRetryable() {
    ChangerCommandException e = fixed(6, 0x29, 0x00);

    assertThat(e).isInstanceOf(UnitAttentionException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("06/29/00 (power on, reset, or bus device reset occurred)");
  }

  @Test
  void illegalRequest_otherwise_isNotRetryable() {
    ChangerCommandException e = fixed(5, 0x24, 0x00);

    assertThat(e).isInstanceOf(IllegalRequestException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(fixed(5, 0x21, 0x01).getMessage()).contains("not valid for this library");
  }

  @Test
  void hardwareAndMediumErrors_missingTapeImage() {
    ChangerCommandException e = fixed(4, 0x15, 0x01);

    assertThat(e).isInstanceOf(ChangerHardwareException.class);
    assertThat(e.getMessage()).contains("tape image may be missing");
    assertThat(fixed(3, 0x11, 0x00)).isInstanceOf(ChangerHardwareException.class);
  }

  @Test
  void descriptorSense_isMappedTheSameWay() {
    ChangerCommandException e =
        ScsiFailures.of(ScsiResponse.of(2, new byte[0], bytes("72 05 3B 0D 00 00 00 00")), MOVE);

    assertThat(e).isInstanceOf(DestinationFullException.class);
  }

  @Test
  void busyStatus_isRetryable_reservationConflictIsNot() {
    ChangerCommandException busy =
        ScsiFailures.of(ScsiResponse.of(8, new byte[0], new byte[0]), MOVE);
    ChangerCommandException conflict =
        ScsiFailures.of(ScsiResponse.of(0x18, new byte[0], new byte[0]), MOVE);

    assertThat(busy.retryable()).isTrue();
    assertThat(busy.getMessage()).contains("status BUSY");
    assertThat(conflict.retryable()).isFalse();
    assertThat(conflict.getMessage()).contains("RESERVATION CONFLICT");
  }

  @Test
  void unparseableSense_isAGenericNonRetryableFailureShowingTheBytes() {
    ChangerCommandException e =
        ScsiFailures.of(ScsiResponse.of(2, new byte[0], bytes("01 02 03")), MOVE);

    assertThat(e.getClass()).isEqualTo(ChangerCommandException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("010203");
  }
}
