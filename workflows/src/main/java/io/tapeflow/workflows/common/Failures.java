package io.tapeflow.workflows.common;

import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;

/**
 * The typed failure vocabulary shared by activities and workflows. Activity implementations throw
 * {@link ApplicationFailure}s of these types (built with {@link #of}), so that the retry policy
 * knows which ones a retry cannot help and the workflow can tell the operator what went wrong. The
 * types a tape's FAILED state records (an outside fact, a timed-out or canceled step) are here too:
 * no failure type is defined anywhere else.
 */
public final class Failures {
  private Failures() {}

  /** The tape is not where anyone can find it (changer, gateway or shelf). */
  public static final String TAPE_NOT_FOUND = "TapeNotFound";

  /** A request or step does not fit the tape's state. */
  public static final String ILLEGAL_TRANSITION = "IllegalTransition";

  /** The destination element already holds a cartridge. */
  public static final String ELEMENT_OCCUPIED = "ElementOccupied";

  /** The source element is empty. */
  public static final String SOURCE_EMPTY = "SourceEmpty";

  /** The tape is somewhere other than where the caller expected (both places are named). */
  public static final String TAPE_MISPLACED = "TapeMisplaced";

  /** The tape sits in a drive; Bacula must release the drive before the robot can move it. */
  public static final String TAPE_IN_DRIVE = "TapeInDrive";

  /** No free storage or import/export element is left. */
  public static final String NO_FREE_ELEMENT = "NoFreeElement";

  /** The changer is becoming ready, or another initiator holds it: retry later. */
  public static final String CHANGER_NOT_READY = "ChangerNotReady";

  /** The changer failed in a way a retry cannot fix (hardware error, illegal request, lock dir). */
  public static final String CHANGER_ERROR = "ChangerError";

  /** An operator must act before the changer can be used (login refused, wrong target/LUN). */
  public static final String CHANGER_NEEDS_OPERATOR = "ChangerNeedsOperator";

  /** The gateway API throttled the call (ThrottlingException): retry with backoff. */
  public static final String GATEWAY_THROTTLED = "GatewayThrottled";

  /** The gateway is not connected or the service failed (5xx, GatewayNotConnected): retry. */
  public static final String GATEWAY_UNAVAILABLE = "GatewayUnavailable";

  /** The gateway refused the request (InvalidParameters, NotSupported, GatewayNotFound ...). */
  public static final String GATEWAY_REJECTED = "GatewayRejected";

  /** A retention lock forbids deleting the tape. */
  public static final String RETENTION_LOCKED = "RetentionLocked";

  /** The awaited gateway status is not reached yet: the retry policy is the polling interval. */
  public static final String STATUS_NOT_REACHED = "StatusNotReached";

  /** Bacula is busy (a job holds the drive or the catalog is locked): retry later. */
  public static final String BACULA_BUSY = "BaculaBusy";

  /** bconsole answered with an error, or with output that could not be understood. */
  public static final String BCONSOLE_ERROR = "BconsoleError";

  /** Bacula's catalog has no such volume. */
  public static final String VOLUME_NOT_FOUND = "VolumeNotFound";

  /** A Bacula job ended in error. */
  public static final String JOB_FAILED = "JobFailed";

  /** The manifest store (S3) failed: retry. */
  public static final String MANIFEST_STORE_UNAVAILABLE = "ManifestStoreUnavailable";

  /** An input value was invalid (barcode, element number, volume name ...). */
  public static final String INVALID_INPUT = "InvalidInput";

  /** The gateway reports the tape IRRECOVERABLE (its cache lost unsent data). */
  public static final String TAPE_IRRECOVERABLE = "TapeIrrecoverable";

  /** The gateway reports the tape deleted although tapeflow did not delete it. */
  public static final String DELETED_OUTSIDE = "DeletedOutsideTapeflow";

  /** Bacula marked the tape's volume Error. */
  public static final String VOLUME_ERROR = "VolumeError";

  /** A step, or a wait, did not finish in time (no worker took it, or it stopped heartbeating). */
  public static final String TIMEOUT = "Timeout";

  /** A step was canceled. */
  public static final String CANCELED = "Canceled";

  /** A failure outside this vocabulary (its class is named in the message). */
  public static final String UNEXPECTED = "Unexpected";

  /** Types a retry of the same request cannot fix. */
  public static final Set<String> NON_RETRYABLE =
      Set.of(
          TAPE_NOT_FOUND,
          ILLEGAL_TRANSITION,
          ELEMENT_OCCUPIED,
          SOURCE_EMPTY,
          TAPE_MISPLACED,
          TAPE_IN_DRIVE,
          NO_FREE_ELEMENT,
          CHANGER_ERROR,
          CHANGER_NEEDS_OPERATOR,
          GATEWAY_REJECTED,
          RETENTION_LOCKED,
          BCONSOLE_ERROR,
          VOLUME_NOT_FOUND,
          JOB_FAILED,
          INVALID_INPUT,
          TAPE_IRRECOVERABLE,
          DELETED_OUTSIDE,
          VOLUME_ERROR,
          TIMEOUT,
          CANCELED,
          UNEXPECTED);

  /** Types that may succeed when retried unchanged. */
  public static final Set<String> RETRYABLE =
      Set.of(
          CHANGER_NOT_READY,
          GATEWAY_THROTTLED,
          GATEWAY_UNAVAILABLE,
          STATUS_NOT_REACHED,
          BACULA_BUSY,
          MANIFEST_STORE_UNAVAILABLE);

  /** Whether a failure of this type is worth retrying. Unknown types are retried. */
  public static boolean retryable(String type) {
    return !NON_RETRYABLE.contains(type);
  }

  /** Types that are an expected outcome, not an error: the SDK does not log them as errors. */
  public static final Set<String> BENIGN = Set.of(STATUS_NOT_REACHED);

  /** Whether {@code type} is in the vocabulary. */
  public static boolean known(String type) {
    return NON_RETRYABLE.contains(type) || RETRYABLE.contains(type);
  }

  /**
   * A failure of a vocabulary type, non-retryable when the type says so, and of the {@link
   * ApplicationErrorCategory#BENIGN} category when it is an expected "not yet" (a poll's answer).
   *
   * @param details values the workflow may read back (e.g. the drive a tape sits in)
   */
  public static ApplicationFailure of(String type, String message, Object... details) {
    if (!known(type)) {
      throw new IllegalArgumentException("not a tapeflow failure type: " + type);
    }
    return ApplicationFailure.newBuilder()
        .setType(type)
        .setMessage(message)
        .setDetails(details)
        .setNonRetryable(!retryable(type))
        .setCategory(
            BENIGN.contains(type)
                ? ApplicationErrorCategory.BENIGN
                : ApplicationErrorCategory.UNSPECIFIED)
        .build();
  }

  /** The non-retryable types, as an array for {@code RetryOptions.setDoNotRetry}. */
  static String[] doNotRetry() {
    return NON_RETRYABLE.stream().sorted().toArray(String[]::new);
  }
}
