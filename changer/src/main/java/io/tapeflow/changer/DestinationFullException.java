package io.tapeflow.changer;

/**
 * The destination element of a move already holds a cartridge (sense 3B/0D, or seen in the
 * inventory read before the move). Not retryable: choose another destination. {@link
 * NoFreeElementException}, its subclass, says that no element of the wanted type was free.
 */
public class DestinationFullException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public DestinationFullException(String message, ScsiCondition condition) {
    super(message, condition, false);
  }

  /**
   * The destination of a move is full.
   *
   * @param destination the destination, or null when the device did not say which
   * @param barcode the cartridge there, or null when unknown or unlabelled
   * @param condition what the device answered, or null when the inventory showed it
   */
  public static DestinationFullException at(
      ElementAddress destination, String barcode, String changer, ScsiCondition condition) {
    return new DestinationFullException(
        (destination == null ? "the destination element" : destination.toString())
            + " of "
            + changer
            + " already holds "
            + (barcode == null ? "a cartridge" : barcode)
            + (condition == null
                ? ""
                : " (the changer answered " + condition + " destination full)")
            + "; nothing was moved: run `tapeflow changer status` and retry with a free "
            + (destination == null ? "element" : destination.type().label()),
        condition);
  }
}
