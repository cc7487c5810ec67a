package io.tapeflow.activities.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.TapeNotFoundException;
import io.tapeflow.changer.UnexpectedLocationException;
import io.tapeflow.workflows.common.Failures;
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
            ChangerFailures.of(
                    new DestinationFullException(
                        "every I/E slot of lib is full; nothing was moved", null))
                .getType())
        .isEqualTo(Failures.NO_FREE_ELEMENT);
    var busy = ChangerFailures.of(new ChangerBusyException("held by Bacula"));
    assertThat(busy.getType()).isEqualTo(Failures.CHANGER_NOT_READY);
    assertThat(busy.isNonRetryable()).isFalse();
    assertThat(ChangerFailures.of(new IllegalArgumentException("bad barcode")).getType())
        .isEqualTo(Failures.INVALID_INPUT);
  }
}
