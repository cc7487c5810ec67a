package io.tapeflow.changer;

/**
 * The device will not release the cartridge (sense 53/02 or 53/03): a drive still holds it, or an
 * application set PREVENT MEDIUM REMOVAL. Unload the drive or allow removal first.
 */
public final class MediumRemovalPreventedException extends ChangerCommandException {
  private static final long serialVersionUID = 1L;

  public MediumRemovalPreventedException(String message, ScsiCondition condition) {
    super(message, condition, false);
  }
}
