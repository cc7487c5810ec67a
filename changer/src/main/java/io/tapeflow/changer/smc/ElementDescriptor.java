package io.tapeflow.changer.smc;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;

/**
 * One element status descriptor as decoded from READ ELEMENT STATUS data. A descriptor the device
 * cut short (tgt always delivers the last one 8 bytes short) carries only the fields that were
 * fully present: see {@link #deliveredLength()} and the {@code ...Delivered()} methods.
 *
 * @param type the element type of the page the descriptor was in
 * @param address the element address
 * @param offset where the descriptor starts in the decoded data
 * @param descriptorLength the page's element descriptor length
 * @param deliveredLength how many of those bytes were present (at least 3)
 * @param full FULL: the element holds a cartridge
 * @param importExport IMPEXP (I/E elements): placed there by an operator, not by the robot
 * @param exception EXCEPT: the element is in an abnormal state, see ASC/ASCQ
 * @param access ACCESS: the robot can reach the element
 * @param exportEnabled EXENAB (I/E elements)
 * @param importEnabled INENAB (I/E elements)
 * @param asc the additional sense code explaining EXCEPT, -1 if not delivered
 * @param ascq its qualifier, -1 if not delivered
 * @param inverted INVERT: the medium was turned over
 * @param source the source storage element, when FULL, SVALID and delivered; else null
 * @param primaryTag the primary volume tag when FULL and labelled; null when empty, unlabelled,
 *     absent or not delivered
 * @param alternateTag the alternate volume tag under the same rules
 * @param deviceId the device identifier (ASCII, or hex for binary code sets), null when absent
 * @param tagsDelivered every volume tag the page announces (PVOLTAG/AVOLTAG) was fully delivered
 */
public record ElementDescriptor(
    ElementType type,
    int address,
    int offset,
    int descriptorLength,
    int deliveredLength,
    boolean full,
    boolean importExport,
    boolean exception,
    boolean access,
    boolean exportEnabled,
    boolean importEnabled,
    int asc,
    int ascq,
    boolean inverted,
    Integer source,
    String primaryTag,
    String alternateTag,
    String deviceId,
    boolean tagsDelivered) {

  /** Bytes a descriptor needs for SVALID and the source address (the 12-byte common prefix). */
  public static final int PREFIX_LENGTH = 12;

  /** True when every byte of the descriptor was delivered. */
  public boolean complete() {
    return deliveredLength == descriptorLength;
  }

  /** True when the source address field (bytes 9–11) was delivered. */
  public boolean sourceDelivered() {
    return deliveredLength >= PREFIX_LENGTH;
  }

  /**
   * True when the fields tapeflow relies on are present: address, flags, source and, for a full
   * element, its volume tags.
   */
  public boolean sufficient() {
    return sourceDelivered() && (tagsDelivered || !full);
  }

  /** The API view of this element: type, address, full, primary tag, source. */
  public Element toElement() {
    return new Element(type, address, full, full ? primaryTag : null, full ? source : null);
  }
}
