package io.tapeflow.activities.gateway;

import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.AwaitStatusRequest;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.CreateTapesRequest;
import io.tapeflow.workflows.gateway.DeleteTapeRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeActionRequest;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.Tape;
import software.amazon.awssdk.services.storagegateway.model.TapeArchive;

/**
 * {@link GatewayActivities} with the AWS SDK v2 {@link StorageGatewayClient} (the unmodified
 * client; against the emulator with an endpoint override). Every side-effecting call reads the tape
 * first, so a retry does not create, retrieve or delete twice.
 */
public final class GatewayActivitiesImpl implements GatewayActivities {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayActivitiesImpl.class);

  private final StorageGatewayClient sgw;
  private final Clock clock;
  private final TapeViews views;
  private final TapeWatch watch;

  public GatewayActivitiesImpl(StorageGatewayClient sgw, Clock clock) {
    this.sgw = sgw;
    this.clock = clock;
    this.views = new TapeViews(sgw, clock);
    this.watch = new TapeWatch(sgw, clock);
  }

  @Override
  public TapeInfo createTape(CreateTapeRequest r) {
    TapeArns arns = TapeArns.of(r.gatewayArn());
    Optional<TapeInfo> existing = atGateway(r.gatewayArn(), r.barcode().value());
    if (existing.isPresent()) {
      LOG.info("tape {} exists already ({}): nothing to create", r.barcode(), r.requestId());
      return existing.get();
    }
    try {
      sgw.createTapeWithBarcode(
          b ->
              b.gatewayARN(r.gatewayArn())
                  .tapeBarcode(r.barcode().value())
                  .tapeSizeInBytes(r.sizeBytes())
                  .poolId(r.poolId()));
    } catch (SdkException e) {
      // An earlier attempt may have created it before its answer was lost.
      Optional<TapeInfo> made = atGateway(r.gatewayArn(), r.barcode().value());
      if (made.isPresent()) {
        return made.get();
      }
      throw GatewayErrors.failure("CreateTapeWithBarcode " + r.barcode(), e);
    }
    return atGateway(r.gatewayArn(), r.barcode().value())
        .orElseThrow(
            () ->
                Failures.of(
                    Failures.GATEWAY_UNAVAILABLE,
                    "tape "
                        + arns.tape(r.barcode().value())
                        + " was created but DescribeTapes does not show it yet"));
  }

  @Override
  public List<String> createTapes(CreateTapesRequest r) {
    try {
      List<String> arns =
          sgw.createTapes(
                  b ->
                      b.gatewayARN(r.gatewayArn())
                          .tapeBarcodePrefix(r.prefix())
                          .numTapesToCreate(r.count())
                          .tapeSizeInBytes(r.sizeBytes())
                          .poolId(r.poolId())
                          .clientToken(r.clientToken()))
              .tapeARNs();
      List<String> barcodes = new ArrayList<>();
      for (String arn : arns) {
        barcodes.add(TapeArns.barcodeOf(arn));
      }
      return barcodes;
    } catch (SdkException e) {
      throw GatewayErrors.failure("CreateTapes " + r.prefix() + " x" + r.count(), e);
    }
  }

  @Override
  public TapeInfo describeTape(TapeRequest r) {
    return find(r.gatewayArn(), r.barcode().value())
        .orElseThrow(
            () ->
                Failures.of(
                    Failures.TAPE_NOT_FOUND,
                    "tape "
                        + r.barcode()
                        + " is neither at gateway "
                        + r.gatewayArn()
                        + " nor on the shelf: check the barcode, or whether it was deleted"));
  }

  @Override
  public TapeInfo awaitTapeStatus(AwaitStatusRequest r) {
    TapeInfo t = describeTape(new TapeRequest(r.gatewayArn(), r.barcode()));
    if (!r.wanted().contains(t.status())) {
      throw Failures.of(
          Failures.STATUS_NOT_REACHED,
          "tape " + r.barcode() + " is " + t.status() + ", waiting for " + r.wanted());
    }
    return t;
  }

  @Override
  public TapeInfo retrieveTape(TapeActionRequest r) {
    TapeInfo t = describeTape(new TapeRequest(r.gatewayArn(), r.barcode()));
    boolean toUs = r.gatewayArn().equals(t.gatewayArn());
    if (toUs
        && (t.status().equals(GatewayStatuses.RETRIEVING)
            || t.status().equals(GatewayStatuses.RETRIEVED))) {
      return t;
    }
    if (!t.onShelf() || !t.status().equals(GatewayStatuses.ARCHIVED)) {
      throw Failures.of(
          Failures.GATEWAY_REJECTED,
          "tape "
              + r.barcode()
              + " cannot be retrieved: it is "
              + t.status()
              + (t.onShelf() ? " on the shelf" : " at a gateway")
              + (t.gatewayArn() == null || toUs ? "" : " (" + t.gatewayArn() + ")")
              + "; only an ARCHIVED tape can be");
    }
    call(
        "RetrieveTapeArchive " + r.barcode(),
        () ->
            sgw.retrieveTapeArchive(
                b ->
                    b.gatewayARN(r.gatewayArn())
                        .tapeARN(TapeArns.of(r.gatewayArn()).tape(r.barcode().value()))));
    return describeTape(new TapeRequest(r.gatewayArn(), r.barcode()));
  }

  @Override
  public void deleteTape(DeleteTapeRequest r) {
    Optional<TapeInfo> found = find(r.gatewayArn(), r.barcode().value());
    if (found.isEmpty()) {
      LOG.info("tape {} is gone already ({}): nothing to delete", r.barcode(), r.requestId());
      return;
    }
    String arn = TapeArns.of(r.gatewayArn()).tape(r.barcode().value());
    TapeInfo t = found.get();
    if (t.status().equals(GatewayStatuses.DELETED) || t.status().equals(GatewayStatuses.DELETING)) {
      return;
    }
    LOG.info("deleting tape {} ({}, {})", r.barcode(), t.status(), r.requestId());
    if (t.onShelf()) {
      call(
          "DeleteTapeArchive " + r.barcode(),
          () ->
              sgw.deleteTapeArchive(
                  b -> b.tapeARN(arn).bypassGovernanceRetention(r.bypassGovernance())));
    } else {
      call(
          "DeleteTape " + r.barcode(),
          () ->
              sgw.deleteTape(
                  b ->
                      b.gatewayARN(r.gatewayArn())
                          .tapeARN(arn)
                          .bypassGovernanceRetention(r.bypassGovernance())));
    }
  }

  @Override
  public TapeChanges watchTapes(WatchRequest r) {
    return watch.watch(
        r,
        details -> {
          Activity.getExecutionContext().heartbeat(details);
        });
  }

  // ---------------------------------------------------------------- reads

  /** The tape at the gateway (VTL) or on the shelf (VTS), or empty if neither knows it. */
  Optional<TapeInfo> find(String gatewayArn, String barcode) {
    Optional<TapeInfo> vtl = atGateway(gatewayArn, barcode);
    return vtl.isPresent() ? vtl : onShelf(gatewayArn, barcode);
  }

  private Optional<TapeInfo> atGateway(String gatewayArn, String barcode) {
    String arn = TapeArns.of(gatewayArn).tape(barcode);
    List<Tape> tapes;
    try {
      tapes = sgw.describeTapes(b -> b.gatewayARN(gatewayArn).tapeARNs(arn)).tapes();
    } catch (SdkException e) {
      if (GatewayErrors.failure("", e).getType().equals(Failures.TAPE_NOT_FOUND)) {
        return Optional.empty();
      }
      throw GatewayErrors.failure("DescribeTapes " + barcode, e);
    }
    return tapes.stream()
        .filter(t -> barcode.equals(t.tapeBarcode()))
        .findFirst()
        .map(t -> views.of(t, gatewayArn));
  }

  private Optional<TapeInfo> onShelf(String gatewayArn, String barcode) {
    String arn = TapeArns.of(gatewayArn).tape(barcode);
    List<TapeArchive> archives;
    try {
      archives = sgw.describeTapeArchives(b -> b.tapeARNs(arn)).tapeArchives();
    } catch (SdkException e) {
      if (GatewayErrors.failure("", e).getType().equals(Failures.TAPE_NOT_FOUND)) {
        return Optional.empty();
      }
      throw GatewayErrors.failure("DescribeTapeArchives " + barcode, e);
    }
    return archives.stream()
        .filter(t -> barcode.equals(t.tapeBarcode()))
        .findFirst()
        .map(t -> views.of(t, gatewayArn));
  }

  private static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw GatewayErrors.failure(what, e);
    }
  }

  Clock clock() {
    return clock;
  }
}
