package io.tapeflow.workflows.lifecycle;

/** What a tape with nothing left to do in its state is waiting for. */
public enum Wait {
  /** Nothing: the tape has a step to perform. */
  NOTHING(null),
  /** The gateway to report the new tape AVAILABLE. */
  GATEWAY_CREATED(GatewayStatuses.AVAILABLE),
  /** The gateway to report the tape ARCHIVED on the shelf. */
  GATEWAY_ARCHIVED(GatewayStatuses.ARCHIVED),
  /** The gateway to report the retrieved copy RETRIEVED. */
  GATEWAY_RETRIEVED(GatewayStatuses.RETRIEVED),
  /** Bacula (a job to write, end, or fill the tape). */
  BACULA(null),
  /** The end of the holds on a retrieved copy. */
  HOLD(null),
  /** An operator request (archive, retrieve, expire). */
  REQUEST(null),
  /** An operator to resume the tape. */
  OPERATOR(null),
  /** The end: the tape is deleted. */
  END(null);

  private final String gatewayStatus;

  Wait(String gatewayStatus) {
    this.gatewayStatus = gatewayStatus;
  }

  /** The gateway status this wait ends on, or null if it is not a gateway wait. */
  public String gatewayStatus() {
    return gatewayStatus;
  }
}
