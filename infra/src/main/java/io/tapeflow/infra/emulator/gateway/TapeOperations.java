package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.api.Constraints;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.storagegateway.model.CancelArchivalRequest;
import software.amazon.awssdk.services.storagegateway.model.CancelArchivalResponse;
import software.amazon.awssdk.services.storagegateway.model.CancelRetrievalRequest;
import software.amazon.awssdk.services.storagegateway.model.CancelRetrievalResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapeArchivesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapeArchivesResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;
import software.amazon.awssdk.services.storagegateway.model.ListTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.ListTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.RetrieveTapeArchiveRequest;
import software.amazon.awssdk.services.storagegateway.model.RetrieveTapeArchiveResponse;

/**
 * Reading tapes and moving them between the VTL and the shelf: ListTapes, DescribeTapes,
 * DescribeTapeArchives, RetrieveTapeArchive, CancelArchival and CancelRetrieval. Creation, deletion
 * and pools are in {@link TapeCreation}, {@link TapeRemoval} and {@link PoolOperations}.
 */
public final class TapeOperations {
  private final Gateway g;
  private final LifecycleEngine engine;
  private final Views views;

  /** Operations on {@code gateway}, advancing through {@code engine}. */
  public TapeOperations(Gateway gateway, LifecycleEngine engine) {
    this.g = gateway;
    this.engine = engine;
    this.views = new Views(gateway);
  }

  /** Registers every operation of this class. */
  public void register(OperationRegistry registry) {
    registry
        .add("ListTapes", ListTapesRequest.class, this::listTapes)
        .add("DescribeTapes", DescribeTapesRequest.class, this::describeTapes)
        .add("DescribeTapeArchives", DescribeTapeArchivesRequest.class, this::describeArchives)
        .add("RetrieveTapeArchive", RetrieveTapeArchiveRequest.class, this::retrieve)
        .add("CancelArchival", CancelArchivalRequest.class, this::cancelArchival)
        .add("CancelRetrieval", CancelRetrievalRequest.class, this::cancelRetrieval);
  }

  ListTapesResponse listTapes(ListTapesRequest r) {
    List<String> wanted = r.hasTapeARNs() ? r.tapeARNs() : null;
    new Constraints().tapeArns("tapeARNs", wanted).paging(r.marker(), r.limit()).check();
    return g.locked(
        () -> {
          Paging.Page<TapeRecord> page = page(t -> true, wanted, r.marker(), r.limit());
          return ListTapesResponse.builder()
              .tapeInfos(page.items().stream().map(views::info).toList())
              .marker(page.marker())
              .build();
        });
  }

  DescribeTapesResponse describeTapes(DescribeTapesRequest r) {
    List<String> wanted = r.hasTapeARNs() ? r.tapeARNs() : null;
    new Constraints()
        .required("gatewayARN", r.gatewayARN())
        .arn("gatewayARN", r.gatewayARN())
        .tapeArns("tapeARNs", wanted)
        .paging(r.marker(), r.limit())
        .check();
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          Instant now = g.clock.instant();
          Paging.Page<TapeRecord> page = page(t -> t.phase.inVtl(), wanted, r.marker(), r.limit());
          return DescribeTapesResponse.builder()
              .tapes(page.items().stream().map(t -> views.tape(t, now)).toList())
              .marker(page.marker())
              .build();
        });
  }

  DescribeTapeArchivesResponse describeArchives(DescribeTapeArchivesRequest r) {
    List<String> wanted = r.hasTapeARNs() ? r.tapeARNs() : null;
    new Constraints().tapeArns("tapeARNs", wanted).paging(r.marker(), r.limit()).check();
    return g.locked(
        () -> {
          Paging.Page<TapeRecord> page =
              page(t -> t.phase.onShelf(), wanted, r.marker(), r.limit());
          return DescribeTapeArchivesResponse.builder()
              .tapeArchives(page.items().stream().map(views::archive).toList())
              .marker(page.marker())
              .build();
        });
  }

  /** Tapes matching {@code filter} and, if given, the ARNs; unknown ARNs are left out. */
  private Paging.Page<TapeRecord> page(
      Predicate<TapeRecord> filter, List<String> wanted, String marker, Integer limit) {
    Set<String> barcodes = new HashSet<>();
    if (wanted != null) {
      wanted.forEach(a -> g.arns.barcodeOf(a).ifPresent(barcodes::add));
    }
    List<TapeRecord> tapes =
        g.state.tapes.values().stream()
            .filter(filter)
            .filter(t -> wanted == null || wanted.isEmpty() || barcodes.contains(t.barcode))
            .toList();
    return Paging.page(tapes, t -> t.barcode, marker, limit);
  }

  RetrieveTapeArchiveResponse retrieve(RetrieveTapeArchiveRequest r) {
    tapeAndGateway(r.tapeARN(), r.gatewayARN());
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          TapeRecord t = g.requireTape(r.tapeARN());
          if (t.phase != Phase.ARCHIVED) {
            throw ApiException.invalidParameters(
                "tape "
                    + t.barcode
                    + " is "
                    + t.phase.listStatus()
                    + "; only an ARCHIVED tape can be retrieved"
                    + (t.retrievedTo != null ? " (it is retrieved to " + t.retrievedTo + ")" : ""));
          }
          checkRoom();
          t.retrievedTo = g.arns.gateway();
          t.enter(Phase.RETRIEVING, g.clock.instant(), g.settings.retrieveDelay());
          g.save();
          return RetrieveTapeArchiveResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }

  private int capacity() {
    return g.library.layout().storageCount() + g.library.layout().ieCount();
  }

  private void checkRoom() {
    long inVtl = g.state.tapes.values().stream().filter(t -> t.phase.inVtl()).count();
    if (inVtl + 1 > Math.min(g.settings.maxTapes(), capacity())) {
      throw ApiException.invalidRequest(
          ErrorCode.MAXIMUM_TAPE_CARTRIDGE_COUNT_EXCEEDED,
          "the VTL is full (" + inVtl + " tapes); archive or delete tapes first");
    }
  }

  CancelArchivalResponse cancelArchival(CancelArchivalRequest r) {
    tapeAndGateway(r.tapeARN(), r.gatewayARN());
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          TapeRecord t = g.requireTape(r.tapeARN());
          if (t.phase != Phase.IN_TRANSIT) {
            throw ApiException.invalidParameters(
                "tape "
                    + t.barcode
                    + " is "
                    + t.phase.listStatus()
                    + "; archival can be cancelled only while IN TRANSIT TO VTS");
          }
          t.uploaded = false;
          t.enter(Phase.AVAILABLE, g.clock.instant(), null);
          g.save();
          return CancelArchivalResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }

  CancelRetrievalResponse cancelRetrieval(CancelRetrievalRequest r) {
    tapeAndGateway(r.tapeARN(), r.gatewayARN());
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          TapeRecord t = g.requireTape(r.tapeARN());
          if (t.phase != Phase.RETRIEVING) {
            throw ApiException.invalidParameters(
                "tape "
                    + t.barcode
                    + " is "
                    + t.phase.listStatus()
                    + "; a retrieval can be cancelled only while RETRIEVING");
          }
          engine.unstage(t.barcode);
          t.retrievedTo = null;
          t.enter(Phase.ARCHIVED, g.clock.instant(), null);
          g.save();
          return CancelRetrievalResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }

  static void tapeAndGateway(String tapeArn, String gatewayArn) {
    new Constraints()
        .required("tapeARN", tapeArn)
        .tapeArn("tapeARN", tapeArn)
        .required("gatewayARN", gatewayArn)
        .arn("gatewayARN", gatewayArn)
        .check();
  }
}
