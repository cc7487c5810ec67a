package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.api.Constraints;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.storagegateway.model.CancelArchivalRequest;
import software.amazon.awssdk.services.storagegateway.model.CancelArchivalResponse;
import software.amazon.awssdk.services.storagegateway.model.CancelRetrievalRequest;
import software.amazon.awssdk.services.storagegateway.model.CancelRetrievalResponse;
import software.amazon.awssdk.services.storagegateway.model.CreateTapeWithBarcodeRequest;
import software.amazon.awssdk.services.storagegateway.model.CreateTapeWithBarcodeResponse;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapeArchivesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapeArchivesResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;
import software.amazon.awssdk.services.storagegateway.model.ListTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.ListTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.RetrieveTapeArchiveRequest;
import software.amazon.awssdk.services.storagegateway.model.RetrieveTapeArchiveResponse;
import software.amazon.awssdk.services.storagegateway.model.Tag;

/**
 * Creating tapes and reading them: CreateTapes (ClientToken idempotent), CreateTapeWithBarcode,
 * ListTapes, DescribeTapes, DescribeTapeArchives, RetrieveTapeArchive, CancelArchival and
 * CancelRetrieval. Deletion and pools are in {@link TapeRemoval} and {@link PoolOperations}.
 */
public final class TapeOperations {
  /** Smallest tape: 100 GiB. */
  static final long MIN_SIZE = 100L << 30;

  /** Largest tape: 15 TiB. */
  static final long MAX_SIZE = 15L << 40;

  /** Longest barcode tgt can hold (11 characters crash tgtd). */
  static final int MAX_LIBRARY_BARCODE = 10;

  private final Gateway g;
  private final LifecycleEngine engine;
  private final Views views;
  private final SecureRandom random = new SecureRandom();

  /** Operations on {@code gateway}, advancing through {@code engine}. */
  public TapeOperations(Gateway gateway, LifecycleEngine engine) {
    this.g = gateway;
    this.engine = engine;
    this.views = new Views(gateway);
  }

  /** Registers every operation of this class. */
  public void register(OperationRegistry registry) {
    registry
        .add("CreateTapes", CreateTapesRequest.class, this::createTapes)
        .add("CreateTapeWithBarcode", CreateTapeWithBarcodeRequest.class, this::createWithBarcode)
        .add("ListTapes", ListTapesRequest.class, this::listTapes)
        .add("DescribeTapes", DescribeTapesRequest.class, this::describeTapes)
        .add("DescribeTapeArchives", DescribeTapeArchivesRequest.class, this::describeArchives)
        .add("RetrieveTapeArchive", RetrieveTapeArchiveRequest.class, this::retrieve)
        .add("CancelArchival", CancelArchivalRequest.class, this::cancelArchival)
        .add("CancelRetrieval", CancelRetrievalRequest.class, this::cancelRetrieval);
  }

  CreateTapesResponse createTapes(CreateTapesRequest r) {
    Constraints c =
        new Constraints()
            .required("gatewayARN", r.gatewayARN())
            .arn("gatewayARN", r.gatewayARN())
            .required("tapeSizeInBytes", r.tapeSizeInBytes())
            .required("clientToken", r.clientToken())
            .length("clientToken", r.clientToken(), 5, 100)
            .required("numTapesToCreate", r.numTapesToCreate())
            .range("numTapesToCreate", r.numTapesToCreate(), 1, 10)
            .required("tapeBarcodePrefix", r.tapeBarcodePrefix())
            .length("tapeBarcodePrefix", r.tapeBarcodePrefix(), 1, 4)
            .pattern("tapeBarcodePrefix", r.tapeBarcodePrefix(), Constraints.BARCODE_PREFIX);
    common(c, r.kmsKey(), r.poolId(), r.hasTags() ? r.tags() : null).check();
    String fingerprint =
        String.join(
            "|",
            r.gatewayARN(),
            String.valueOf(r.tapeSizeInBytes()),
            String.valueOf(r.numTapesToCreate()),
            r.tapeBarcodePrefix(),
            String.valueOf(r.kmsEncrypted()),
            String.valueOf(r.kmsKey()),
            String.valueOf(r.poolId()),
            String.valueOf(r.worm()));
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          TokenRecord earlier = g.state.clientTokens.get(r.clientToken());
          if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
              throw ApiException.invalidParameters(
                  "ClientToken "
                      + r.clientToken()
                      + " was used before with other parameters; use a new token for a new"
                      + " request");
            }
            return CreateTapesResponse.builder().tapeARNs(arns(earlier.barcodes())).build();
          }
          checkNewTapes(
              r.tapeSizeInBytes(), r.kmsEncrypted(), r.kmsKey(), r.poolId(), r.numTapesToCreate());
          List<String> barcodes = new ArrayList<>();
          Set<String> taken = new HashSet<>();
          for (int i = 0; i < r.numTapesToCreate(); i++) {
            String bc = newBarcode(r.tapeBarcodePrefix(), taken);
            taken.add(bc);
            barcodes.add(bc);
          }
          for (String bc : barcodes) {
            add(bc, r.tapeSizeInBytes(), r.kmsKey(), r.poolId(), r.worm());
          }
          g.state.clientTokens.put(r.clientToken(), new TokenRecord(fingerprint, barcodes));
          g.save();
          return CreateTapesResponse.builder().tapeARNs(arns(barcodes)).build();
        });
  }

  CreateTapeWithBarcodeResponse createWithBarcode(CreateTapeWithBarcodeRequest r) {
    Constraints c =
        new Constraints()
            .required("gatewayARN", r.gatewayARN())
            .arn("gatewayARN", r.gatewayARN())
            .required("tapeSizeInBytes", r.tapeSizeInBytes())
            .required("tapeBarcode", r.tapeBarcode())
            .length("tapeBarcode", r.tapeBarcode(), 5, 16)
            .pattern("tapeBarcode", r.tapeBarcode(), Constraints.BARCODE);
    common(c, r.kmsKey(), r.poolId(), r.hasTags() ? r.tags() : null).check();
    return g.locked(
        () -> {
          g.requireGateway(r.gatewayARN());
          String bc = r.tapeBarcode();
          if (g.state.usedBarcodes.contains(bc)) {
            throw ApiException.invalidParameters(
                "barcode "
                    + bc
                    + (g.state.tapes.containsKey(bc) ? " is in use" : " was used before")
                    + "; barcodes are never reusable, even after deletion: choose another");
          }
          if (bc.length() > MAX_LIBRARY_BARCODE) {
            throw ApiException.invalidParameters(
                "barcode "
                    + bc
                    + " has "
                    + bc.length()
                    + " characters; the emulated library (tgt) holds at most "
                    + MAX_LIBRARY_BARCODE);
          }
          checkNewTapes(r.tapeSizeInBytes(), r.kmsEncrypted(), r.kmsKey(), r.poolId(), 1);
          add(bc, r.tapeSizeInBytes(), r.kmsKey(), r.poolId(), r.worm());
          g.save();
          return CreateTapeWithBarcodeResponse.builder().tapeARN(g.arns.tape(bc)).build();
        });
  }

  private static Constraints common(Constraints c, String kmsKey, String poolId, List<Tag> tags) {
    c.length("kMSKey", kmsKey, 7, 2048)
        .pattern("kMSKey", kmsKey, Constraints.KMS_KEY)
        .length("poolId", poolId, 1, 100);
    if (tags != null) {
      for (int i = 0; i < tags.size(); i++) {
        Tag t = tags.get(i);
        String m = "tags." + (i + 1) + ".member";
        c.required(m + ".key", t.key())
            .length(m + ".key", t.key(), 1, 128)
            .pattern(m + ".key", t.key(), Constraints.TAG_KEY)
            .required(m + ".value", t.value())
            .length(m + ".value", t.value(), 0, 256);
      }
    }
    return c;
  }

  private void checkNewTapes(Long size, Boolean kmsEncrypted, String kmsKey, String poolId, int n) {
    if (size < MIN_SIZE || size > MAX_SIZE || size % (1L << 30) != 0) {
      throw ApiException.invalidParameters(
          "TapeSizeInBytes "
              + size
              + " is not allowed: a tape is 100 GiB to 15 TiB, in whole GiB (e.g. 107374182400)");
    }
    if (kmsKey != null && !Boolean.TRUE.equals(kmsEncrypted)) {
      throw ApiException.invalidParameters("KMSKey is only valid with KMSEncrypted=true");
    }
    if (poolId != null && !Pools.exists(g.state, poolId)) {
      throw ApiException.invalidParameters(
          "PoolId " + poolId + " is neither GLACIER, DEEP_ARCHIVE nor a custom pool's id");
    }
    long inVtl = g.state.tapes.values().stream().filter(t -> t.phase.inVtl()).count();
    int max = Math.min(g.settings.maxTapes(), capacity());
    if (inVtl + n > max) {
      throw ApiException.invalidRequest(
          ErrorCode.MAXIMUM_TAPE_CARTRIDGE_COUNT_EXCEEDED,
          "the VTL holds "
              + inVtl
              + " tapes of at most "
              + max
              + "; archive or delete tapes before creating more");
    }
  }

  private int capacity() {
    return g.library.layout().storageCount() + g.library.layout().ieCount();
  }

  private void add(String barcode, long size, String kmsKey, String poolId, Boolean worm) {
    Instant now = g.clock.instant();
    TapeRecord t = new TapeRecord();
    t.barcode = barcode;
    t.sizeBytes = size;
    t.created = now;
    t.poolId = poolId == null ? "GLACIER" : poolId;
    t.poolEntryDate = now;
    t.worm = Boolean.TRUE.equals(worm);
    t.kmsKey = kmsKey;
    t.enter(Phase.CREATING, now, g.settings.createDelay());
    g.state.tapes.put(barcode, t);
    g.state.usedBarcodes.add(barcode);
  }

  /** Prefix and six hex digits (10 characters at most, as tgt needs), never used before. */
  private String newBarcode(String prefix, Set<String> taken) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      String bc = prefix + String.format(Locale.ROOT, "%06X", random.nextInt(1 << 24));
      if (!g.state.usedBarcodes.contains(bc) && !taken.contains(bc)) {
        return bc;
      }
    }
    throw ApiException.invalidParameters(
        "no unused barcode left with prefix " + prefix + "; use another prefix");
  }

  private List<String> arns(List<String> barcodes) {
    return barcodes.stream().map(g.arns::tape).toList();
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
