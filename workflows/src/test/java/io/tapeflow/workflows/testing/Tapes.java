package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.lifecycle.LibraryLayout;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.tape.TapeIdentity;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeTemplate;
import java.time.Instant;
import java.util.List;

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

  /**
   * The test library: drives at elements 257.., storage slots at 1025..1600 (Bacula's 1..576),
   * import/export slots at 1601.. (Bacula's 577..).
   */
  public static final LibraryLayout LAYOUT =
      new LibraryLayout(
          List.of(new LibraryLayout.Run(1025, 576)),
          List.of(new LibraryLayout.Run(1601, 100)),
          List.of(new LibraryLayout.Run(257, 4)));

  /** What the test tapes share. */
  public static TapeTemplate template(String awsPool, LibraryLayout layout) {
    return new TapeTemplate(
        GATEWAY, GATEWAY_ARN, LIBRARY, DIRECTOR, STORAGE, BACULA_POOL, awsPool, SIZE, 0, layout);
  }

  public static TapeIdentity identity(String barcode) {
    return template("DEEP_ARCHIVE", LAYOUT).identity(barcode);
  }

  /** The element address of Bacula's drive {@code index} in the test library. */
  public static Location drive(int index) {
    return LAYOUT.drive(index);
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
