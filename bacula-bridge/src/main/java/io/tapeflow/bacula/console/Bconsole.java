package io.tapeflow.bacula.console;

/**
 * Runs one {@link BconsoleCommand} against the Director and returns its reply. Implementations
 * raise {@link io.tapeflow.bacula.BaculaException} subclasses for failures of the session itself
 * (unreachable, login refused, timeout, unanswered question); what the reply means is for the
 * caller to judge.
 */
public interface Bconsole {
  BconsoleReply execute(BconsoleCommand command);
}
