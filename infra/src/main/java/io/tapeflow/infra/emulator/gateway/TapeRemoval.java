package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.api.Constraints;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapeArchiveRequest;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapeArchiveResponse;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapeRequest;
import software.amazon.awssdk.services.storagegateway.model.DeleteTapeResponse;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;

/**
 * DeleteTape (a VTL tape: not in a drive, not being archived or retrieved, not RETRIEVED) and
 * DeleteTapeArchive (a shelf tape, subject to its pool's retention lock). A deleted tape's barcode
 * is never reusable.
 */
public final class TapeRemoval {
  private final Gateway g;
  private final LifecycleEngine engine;

  /** Deletion on {@code gateway}. */
  public TapeRemoval(Gateway gateway, LifecycleEngine engine) {
    this.g = gateway;
    this.engine = engine;
  }

  /** Registers DeleteTape and DeleteTapeArchive. */
  public void register(OperationRegistry registry) {
    registry
        .add("DeleteTape", DeleteTapeRequest.class, this::deleteTape)
        .add("DeleteTapeArchive", DeleteTapeArchiveRequest.class, this::deleteArchive);
  }

  DeleteTapeResponse deleteTape(DeleteTapeRequest r) {
    TapeOperations.tapeAndGateway(r.tapeARN(), r.gatewayARN());
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          TapeRecord t = g.requireTape(r.tapeARN());
          String refusal =
              switch (t.phase) {
                case ARCHIVED -> "is ARCHIVED on the shelf; delete it with DeleteTapeArchive";
                case RETRIEVED ->
                    "is RETRIEVED (read-only); eject it to an I/E slot first, which returns it to"
                        + " ARCHIVED, then use DeleteTapeArchive";
                case RETRIEVING -> "is RETRIEVING; cancel the retrieval first";
                case IN_TRANSIT, ARCHIVING ->
                    "is "
                        + t.phase.vtlStatus()
                        + "; cancel the archival (possible only IN TRANSIT TO VTS) or wait for"
                        + " ARCHIVED and use DeleteTapeArchive";
                case CREATING, AVAILABLE -> null;
              };
          if (refusal != null) {
            throw ApiException.invalidParameters("tape " + t.barcode + " " + refusal);
          }
          if (t.phase == Phase.AVAILABLE) {
            // Read the library now: the last poll may be a moment old.
            Optional<Element> e = g.library.inventory().locate(t.barcode);
            if (e.isPresent() && e.get().type() == ElementType.DRIVE) {
              int k = g.library.layout().driveIndex(e.get().address());
              throw ApiException.invalidRequest(
                  ErrorCode.INVALID_PARAMETERS,
                  "tape "
                      + t.barcode
                      + " is loaded in drive "
                      + k
                      + " (element "
                      + e.get().address()
                      + "); unload it to a slot before deleting it",
                  Map.of("element", String.valueOf(e.get().address())));
            }
            e.ifPresent(x -> t.at(x.type(), x.address(), x.source()));
          }
          engine.leaveLibrary(t);
          if (t.shelved) {
            g.shelf.delete(t.barcode);
          }
          g.state.tapes.remove(t.barcode);
          g.save();
          return DeleteTapeResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }

  DeleteTapeArchiveResponse deleteArchive(DeleteTapeArchiveRequest r) {
    new Constraints().required("tapeARN", r.tapeARN()).tapeArn("tapeARN", r.tapeARN()).check();
    return g.locked(
        () -> {
          TapeRecord t = g.requireTape(r.tapeARN());
          if (t.phase != Phase.ARCHIVED) {
            throw ApiException.invalidParameters(
                "tape "
                    + t.barcode
                    + " is "
                    + t.phase.listStatus()
                    + (t.phase.onShelf()
                        ? "; cancel the retrieval or eject the retrieved tape first"
                        : "; it is not on the shelf: delete it with DeleteTape"));
          }
          Pools.requireUnlocked(
              g.state,
              t,
              g.clock.instant(),
              Boolean.TRUE.equals(r.bypassGovernanceRetention()),
              "delete it",
              "nobody can delete it before then");
          g.shelf.delete(t.barcode);
          g.state.tapes.remove(t.barcode);
          g.save();
          return DeleteTapeArchiveResponse.builder().tapeARN(r.tapeARN()).build();
        });
  }
}
