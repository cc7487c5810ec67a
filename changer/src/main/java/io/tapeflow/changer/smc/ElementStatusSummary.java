package io.tapeflow.changer.smc;

/**
 * What {@link ElementStatusDecoder#decodeInto} learnt from a READ ELEMENT STATUS answer besides the
 * elements it added.
 *
 * @param firstAddressReported the header's FIRST ELEMENT ADDRESS REPORTED (informational)
 * @param elementsAvailable the header's NUMBER OF ELEMENTS AVAILABLE
 * @param byteCountAvailable the header's BYTE COUNT OF REPORT AVAILABLE (pages after the header)
 * @param receivedLength bytes the device delivered
 * @param descriptorLength the element descriptor length of the first page, 0 when there was none
 * @param added how many elements were added
 * @param lastAddress the address of the last element added, -1 when none was
 * @param insufficientAddress the address of a trailing descriptor the device cut before its source
 *     or volume tag (not added: read again from there), -1 when there was none
 */
public record ElementStatusSummary(
    int firstAddressReported,
    int elementsAvailable,
    int byteCountAvailable,
    int receivedLength,
    int descriptorLength,
    int added,
    int lastAddress,
    int insufficientAddress) {

  /** The bytes the whole report takes: 8 + BYTE COUNT OF REPORT AVAILABLE. */
  public int neededLength() {
    return 8 + byteCountAvailable;
  }

  /** True when fewer bytes arrived than the header says the report has. */
  public boolean cutShort() {
    return receivedLength < neededLength();
  }

  /** True when a trailing descriptor was cut before its source or volume tag. */
  public boolean endsInsufficient() {
    return insufficientAddress >= 0;
  }
}
