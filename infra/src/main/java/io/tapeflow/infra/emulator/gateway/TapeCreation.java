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
import software.amazon.awssdk.services.storagegateway.model.CreateTapeWithBarcodeRequest;
import software.amazon.awssdk.services.storagegateway.model.CreateTapeWithBarcodeResponse;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;
import software.amazon.awssdk.services.storagegateway.model.Tag;

/**
 * CreateTapes (idempotent by ClientToken: the same token and parameters return the same tapes) and
 * CreateTapeWithBarcode. New tapes start CREATING; the lifecycle engine puts them into free I/E
 * elements. Sizes are 100 GiB to 15 TiB in whole GiB; barcodes are never reusable.
 */
public final class TapeCreation {
  /** Smallest tape: 100 GiB. */
  static final long MIN_SIZE = 100L << 30;

  /** Largest tape: 15 TiB. */
  static final long MAX_SIZE = 15L << 40;

  /** Longest barcode tgt can hold (11 characters crash tgtd). */
  static final int MAX_LIBRARY_BARCODE = 10;

  private final Gateway g;
  private final SecureRandom random = new SecureRandom();

  /** Creation on {@code gateway}. */
  public TapeCreation(Gateway gateway) {
    this.g = gateway;
  }

  /** Registers CreateTapes and CreateTapeWithBarcode. */
  public void register(OperationRegistry registry) {
    registry
        .add("CreateTapes", CreateTapesRequest.class, this::createTapes)
        .add("CreateTapeWithBarcode", CreateTapeWithBarcodeRequest.class, this::createWithBarcode);
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
}
