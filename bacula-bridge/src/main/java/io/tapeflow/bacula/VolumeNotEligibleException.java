package io.tapeflow.bacula;

/**
 * A purge or delete was refused because the catalog shows the volume is not eligible (still
 * appendable, retention not over, not yet purged). Not retryable as is; nothing was changed.
 */
public final class VolumeNotEligibleException extends BaculaException {
  private static final long serialVersionUID = 1L;

  public VolumeNotEligibleException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
