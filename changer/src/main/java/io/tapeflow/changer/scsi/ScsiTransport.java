package io.tapeflow.changer.scsi;

/**
 * Carries one SCSI command to a logical unit and brings back its status, data and sense.
 *
 * <p>A CHECK CONDITION is a normal result (status 02h with sense bytes), not an exception; an
 * exception means the command could not be delivered or its outcome is unknown. Implementations
 * serialise calls: one command at a time per transport.
 */
public interface ScsiTransport extends AutoCloseable {

  /**
   * Runs one command and waits for its completion.
   *
   * @throws ScsiTransportException when the command was not delivered, timed out, or the session
   *     failed
   */
  ScsiResponse execute(ScsiCommand command);

  /** Where this transport leads, for messages (never includes a password). */
  String describe();

  @Override
  void close();
}
