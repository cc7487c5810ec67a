package io.tapeflow.bacula;

/**
 * The Director asked a question the command did not answer ("Enter autochanger slot: ", "(yes|no):
 * "), so bconsole quit with the command not carried out. A keyword was missing; not retryable.
 */
public final class BconsolePromptException extends BaculaException {
  private static final long serialVersionUID = 1L;

  private final String prompt;

  public BconsolePromptException(String message, String prompt) {
    super(message);
    this.prompt = prompt;
  }

  /** The question the Director asked. */
  public String prompt() {
    return prompt;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
