package io.tapeflow.changer;

/**
 * The library or a drive failed (sense key 3 MEDIUM ERROR or 4 HARDWARE ERROR), e.g. 04/15/01 when
 * a virtual library cannot find the tape image. Not retried automatically.
 */
public final class ChangerHardwareException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public ChangerHardwareException(String message, ScsiCondition condition) {
    super(message, condition, false);
  }
}
