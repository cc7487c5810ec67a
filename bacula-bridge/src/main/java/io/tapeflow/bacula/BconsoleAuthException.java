package io.tapeflow.bacula;

/**
 * The Director refused the console's login (password or TLS mismatch), or bconsole rejected its
 * configuration file. Not retryable: the configuration must be fixed.
 */
public final class BconsoleAuthException extends BaculaException {
  private static final long serialVersionUID = 1L;

  public BconsoleAuthException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
