package io.tapeflow.changer.smc;

import io.tapeflow.changer.ElementType;

/**
 * The parameters of one READ ELEMENT STATUS command; the decoder checks the answer against them.
 *
 * @param type the element type to report, or null for all types (type code 0: avoid it, tgt answers
 *     it with overlapping pages)
 * @param startAddress report elements with an address at or above this one
 * @param count the most descriptors wanted (1..65535; the decoder stops there even if the device
 *     sends more)
 * @param volumeTags VOLTAG: include the volume tags (barcodes)
 * @param deviceIds DVCID: include the device identifiers of drives
 * @param currentData CURDATA: report what the library knows without moving the robot to verify
 * @param allocationLength bytes the host accepts (8..16777215)
 */
public record ElementStatusRequest(
    ElementType type,
    int startAddress,
    int count,
    boolean volumeTags,
    boolean deviceIds,
    boolean currentData,
    int allocationLength) {

  public ElementStatusRequest {
    SmcCommands.requireRange("starting element address", startAddress, 0, 0xFFFF);
    SmcCommands.requireRange("number of elements", count, 1, 0xFFFF);
    SmcCommands.requireRange(
        "READ ELEMENT STATUS allocation length", allocationLength, 8, 0xFFFFFF);
  }

  /**
   * The usual request: one type, volume tags, cached data, as many elements as the device has above
   * {@code startAddress}.
   */
  public static ElementStatusRequest ofType(
      ElementType type, int startAddress, int allocationLength) {
    return new ElementStatusRequest(
        type, startAddress, 0xFFFF, true, false, true, allocationLength);
  }

  /** The CDB for this request. */
  public byte[] toCdb() {
    return SmcCommands.readElementStatus(this);
  }
}
