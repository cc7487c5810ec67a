package io.tapeflow.changer;

/**
 * The source element of a move holds no cartridge (sense 3B/0E, or seen in the inventory read
 * before the move). Not retryable: the inventory has to be looked at again.
 */
public final class SourceEmptyException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public SourceEmptyException(String message, ScsiCondition condition) {
    super(message, condition, false);
  }

  /**
   * The source of a move is empty.
   *
   * @param source the source element, or null when the device did not say which
   * @param condition what the device answered, or null when the inventory showed it
   */
  public static SourceEmptyException at(
      ElementAddress source, String changer, ScsiCondition condition) {
    return new SourceEmptyException(
        (source == null ? "the source element" : source.toString())
            + " of "
            + changer
            + " is empty"
            + answered(condition)
            + "; nothing was moved: run `tapeflow changer status` to find the cartridge, then retry"
            + " from where it is",
        condition);
  }

  static String answered(ScsiCondition condition) {
    return condition == null ? "" : " (the changer answered " + condition + " source empty)";
  }
}
