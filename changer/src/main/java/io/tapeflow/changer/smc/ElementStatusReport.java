package io.tapeflow.changer.smc;

import java.util.List;

/**
 * A decoded READ ELEMENT STATUS answer.
 *
 * @param firstAddressReported the header's FIRST ELEMENT ADDRESS REPORTED (informational: some
 *     devices, tgt among them, get it wrong; addresses come from the descriptors)
 * @param elementsAvailable the header's NUMBER OF ELEMENTS AVAILABLE
 * @param byteCountAvailable the header's BYTE COUNT OF REPORT AVAILABLE (pages after the header)
 * @param receivedLength bytes the device delivered
 * @param descriptorLength the element descriptor length of the first page, 0 when there was none
 * @param elements the descriptors, in address order, at most as many as requested
 */
public record ElementStatusReport(
    int firstAddressReported,
    int elementsAvailable,
    int byteCountAvailable,
    int receivedLength,
    int descriptorLength,
    List<ElementDescriptor> elements) {

  public ElementStatusReport {
    elements = List.copyOf(elements);
  }

  /** The bytes the whole report takes: 8 + BYTE COUNT OF REPORT AVAILABLE. */
  public int neededLength() {
    return 8 + byteCountAvailable;
  }

  /** True when fewer bytes arrived than the header says the report has. */
  public boolean cutShort() {
    return receivedLength < neededLength();
  }
}
