package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.tape.TapeIdentity;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import java.time.Instant;

/** Fixtures of the workflow tests. */
public final class Tapes {
  private Tapes() {}

  public static final String GATEWAY = "gw1";
  public static final String GATEWAY_ARN =
      "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B";
  public static final String LIBRARY = "lib1";
  public static final String DIRECTOR = "dir1";
  public static final String STORAGE = "Gateway";
  public static final String BACULA_POOL = "Offsite";
  public static final long SIZE = 100L << 30;

  public static TapeIdentity identity(String barcode) {
    return new TapeIdentity(
        barcode,
        GATEWAY,
        GATEWAY_ARN,
        LIBRARY,
        DIRECTOR,
        STORAGE,
        BACULA_POOL,
        "DEEP_ARCHIVE",
        SIZE,
        0);
  }

  /**
   * A tape to create, with the default policy except early deletion (tests do not wait 180 days).
   */
  public static TapeInput requested(String barcode, Instant now) {
    return TapeInput.of(identity(barcode), TapePolicy.defaults(), TapeRecord.requested(now));
  }

  public static TapeInput requested(String barcode, Instant now, TapePolicy policy) {
    return TapeInput.of(identity(barcode), policy, TapeRecord.requested(now));
  }
}
