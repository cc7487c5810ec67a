package io.tapeflow.worker.config;

import java.util.regex.Pattern;

/**
 * Where a pool's tapes go when ejected: {@code GLACIER}, {@code DEEP_ARCHIVE}, or a custom tape
 * pool's ARN ({@code arn:aws:storagegateway:REGION:ACCOUNT:tapepool/pool-XXXXXXXX}).
 *
 * @param poolId the value given to the gateway as the pool id
 */
public record Shelf(String poolId) {
  private static final Pattern POOL_ARN =
      Pattern.compile(
          "arn:aws(?:-cn|-us-gov)?:storagegateway:[a-z]{2}(?:-[a-z]+)+-\\d:\\d{12}:"
              + "tapepool/pool-[0-9A-Z]{8}");

  /**
   * Parses a shelf.
   *
   * @throws IllegalArgumentException naming the value and the three forms
   */
  public static Shelf parse(String text) {
    if (text.equals("GLACIER") || text.equals("DEEP_ARCHIVE") || POOL_ARN.matcher(text).matches()) {
      return new Shelf(text);
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a shelf: use GLACIER, DEEP_ARCHIVE or a custom pool ARN"
            + " (arn:aws:storagegateway:REGION:ACCOUNT:tapepool/pool-XXXXXXXX)");
  }

  /** Whether it is a custom pool (an ARN) rather than one of AWS's two default pools. */
  public boolean custom() {
    return poolId.startsWith("arn:");
  }

  @Override
  public String toString() {
    return poolId;
  }
}
