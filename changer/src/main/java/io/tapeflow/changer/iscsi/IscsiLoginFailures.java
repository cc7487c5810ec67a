package io.tapeflow.changer.iscsi;

import io.tapeflow.changer.scsi.ScsiTransportException;

/**
 * A refused iSCSI login, from libiscsi's error text, as a typed failure: what only a corrected
 * changer URI can fix (CHAP refused, no such target, no such LUN) is not retryable and says what to
 * check; anything else (portal unreachable) is retryable.
 */
final class IscsiLoginFailures {
  private IscsiLoginFailures() {}

  static ScsiTransportException of(IscsiEndpoint endpoint, String error) {
    String e = error == null ? "" : error;
    if (e.contains("Authentication failure") || e.contains("(513)")) {
      return new ScsiTransportException(
          "login to "
              + endpoint
              + " refused: CHAP authentication failed ("
              + e
              + "); check the user and secret in the changer URI",
          false);
    }
    if (e.contains("Target not found") || e.contains("(515)")) {
      return new ScsiTransportException(
          "login to "
              + endpoint.portal()
              + " refused: no target "
              + endpoint.targetIqn()
              + " ("
              + e
              + "); check the target IQN in the changer URI",
          false);
    }
    if (e.contains("SENSE KEY") || e.contains("LOGICAL_UNIT_NOT_SUPPORTED")) {
      return new ScsiTransportException(
          "login to "
              + endpoint
              + " succeeded but LUN "
              + endpoint.lun()
              + " did not answer ("
              + e
              + "); check the LUN in the changer URI",
          false);
    }
    return new ScsiTransportException(
        "cannot log in to " + endpoint + " (" + e + "); is the portal reachable?", true);
  }
}
