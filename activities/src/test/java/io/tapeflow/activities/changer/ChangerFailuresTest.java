package io.tapeflow.activities.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.ChangerNotReadyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.NoFreeElementException;
import io.tapeflow.changer.ScsiCondition;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.TapeNotFoundException;
import io.tapeflow.changer.UnexpectedLocationException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class ChangerFailuresTest {
  @Test
  void changerExceptions_mapToTheirFailureTypes() {
    assertThat(ChangerFailures.of(new TapeNotFoundException("TAP00001", "lib")).getType())
        .isEqualTo(Failures.TAPE_NOT_FOUND);
    assertThat(
            ChangerFailures.of(
                    new UnexpectedLocationException(
                        "TAP00001",
                        ElementAddress.storage(20000),
                        ElementAddress.drive(10000),
                        "lib"))
                .getType())
        .isEqualTo(Failures.TAPE_MISPLACED);
    assertThat(
            ChangerFailures.of(SourceEmptyException.at(ElementAddress.storage(20000), "lib", null))
                .getType())
        .isEqualTo(Failures.SOURCE_EMPTY);
    assertThat(
            ChangerFailures.of(
                    DestinationFullException.at(
                        ElementAddress.storage(20001), "TAP00002", "lib", null))
                .getType())
        .isEqualTo(Failures.ELEMENT_OCCUPIED);
    assertThat(
            ChangerFailures.of(new NoFreeElementException(ElementType.IMPORT_EXPORT, "lib"))
                .getType())
        .isEqualTo(Failures.NO_FREE_ELEMENT);
    var busy = ChangerFailures.of(new ChangerBusyException("held by Bacula"));
    assertThat(busy.getType()).isEqualTo(Failures.CHANGER_NOT_READY);
    assertThat(busy.isNonRetryable()).isFalse();
    assertThat(ChangerFailures.of(new IllegalArgumentException("bad barcode")).getType())
        .isEqualTo(Failures.INVALID_INPUT);
  }

  @Test
  void anOccupiedElement_isElementOccupied_whateverItsMessageSays() {
    ApplicationFailure f =
        ChangerFailures.of(
            new DestinationFullException("every word of this message is the device's", null));
    assertThat(f.getType()).isEqualTo(Failures.ELEMENT_OCCUPIED);
  }

  @Test
  void aTransportFailure_isRetriedOnlyWhenTheTransportSaysSo() {
    ApplicationFailure timeout =
        ChangerFailures.of(new ScsiTransportException("MOVE MEDIUM timed out", true));
    assertThat(timeout.getType()).isEqualTo(Failures.CHANGER_NOT_READY);
    assertThat(timeout.isNonRetryable()).isFalse();

    ApplicationFailure refused =
        ChangerFailures.of(new ScsiTransportException("login refused: CHAP failed", false));
    assertThat(refused.getType()).isEqualTo(Failures.CHANGER_NEEDS_OPERATOR);
    assertThat(refused.isNonRetryable()).isTrue();
  }

  @Test
  void aChangerNotReady_isRetried_unlessAnOperatorMustAct() {
    ApplicationFailure becoming =
        ChangerFailures.of(
            new ChangerNotReadyException(
                "becoming ready", ScsiCondition.checkCondition(2, 4, 1), true));
    assertThat(becoming.getType()).isEqualTo(Failures.CHANGER_NOT_READY);
    assertThat(becoming.isNonRetryable()).isFalse();

    ApplicationFailure manual =
        ChangerFailures.of(
            new ChangerNotReadyException(
                "manual intervention required", ScsiCondition.checkCondition(2, 4, 3), false));
    assertThat(manual.getType()).isEqualTo(Failures.CHANGER_NEEDS_OPERATOR);
    assertThat(manual.isNonRetryable()).isTrue();
  }
}
