package io.tapeflow.workflows.gateway;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Calls to the AWS Storage Gateway API (Tape Gateway and Virtual Tape Shelf). Runs on task queue
 * {@code tapeflow}. Side-effecting calls carry a request id (or a ClientToken) and check the tape's
 * status first, so a retry never creates, retrieves or deletes twice.
 *
 * <p>AWS error codes, read from the raw response body (the SDK drops {@code error.errorCode}), map
 * to failure types: {@code ThrottlingException} → {@code GatewayThrottled}; {@code
 * GatewayNotConnected}, 5xx → {@code GatewayUnavailable} (both retried); {@code
 * TapeCartridgeNotFound} → {@code TapeNotFound}; {@code InvalidParameters}, {@code NotSupported},
 * {@code GatewayNotFound}, {@code ValidationException} → {@code GatewayRejected}; a retention lock
 * → {@code RetentionLocked} (non-retryable).
 */
@ActivityInterface(namePrefix = "Gateway")
public interface GatewayActivities {

  /**
   * Creates one tape with the given barcode (CreateTapeWithBarcode). A tape that already exists
   * with that barcode at this gateway counts as success.
   *
   * @return the tape as the gateway reports it right after
   */
  TapeInfo createTape(CreateTapeRequest request);

  /**
   * Creates tapes with a barcode prefix (CreateTapes) under a ClientToken the workflow chose, so a
   * retry returns the same tapes instead of new ones.
   *
   * @return the new tapes' barcodes
   */
  List<String> createTapes(CreateTapesRequest request);

  /**
   * The tape's status at the gateway or on the shelf. Fails with {@code TapeNotFound} if neither
   * knows it.
   */
  TapeInfo describeTape(TapeRequest request);

  /**
   * Succeeds once the tape has one of the wanted statuses; fails with the retryable {@code
   * StatusNotReached} otherwise. The caller's retry policy (fixed interval) is the polling
   * interval: the fallback when the gateway watcher is silent.
   */
  TapeInfo awaitTapeStatus(AwaitStatusRequest request);

  /**
   * Retrieves an archived tape to the gateway (RetrieveTapeArchive). A tape already retrieving or
   * retrieved to this gateway counts as success.
   */
  TapeInfo retrieveTape(TapeActionRequest request);

  /**
   * Deletes the tape: DeleteTapeArchive on the shelf, DeleteTape at the gateway. A tape already
   * deleted counts as success. Fails with {@code RetentionLocked} when a lock forbids it.
   */
  void deleteTape(DeleteTapeRequest request);

  /**
   * Polls the gateway's tapes (ListTapes page by page, DescribeTapeArchives for tapes that just
   * reached the shelf) until at least one status differs from {@code known}, or until {@code
   * maxWait} passes. Polls at the fast interval while a tape has a moving status, at the slow one
   * otherwise; heartbeats between polls. API calls per poll grow with pages, not tapes.
   */
  TapeChanges watchTapes(WatchRequest request);
}
