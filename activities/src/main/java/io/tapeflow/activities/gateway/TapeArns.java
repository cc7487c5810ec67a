package io.tapeflow.activities.gateway;

import io.tapeflow.workflows.common.Barcodes;

/**
 * Tape and pool ARNs from a gateway's ARN: {@code arn:aws:storagegateway:REGION:ACCOUNT:gateway/…}
 * gives {@code …:tape/BARCODE} (a tape ARN names no gateway) and {@code …:tapepool/POOL}.
 */
public final class TapeArns {
  private final String prefix;

  private TapeArns(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The ARNs of a gateway's account and region.
   *
   * @throws IllegalArgumentException when the text is not a gateway ARN
   */
  public static TapeArns of(String gatewayArn) {
    int at = gatewayArn == null ? -1 : gatewayArn.indexOf(":gateway/");
    if (at < 0 || !gatewayArn.startsWith("arn:")) {
      throw new IllegalArgumentException(
          "'"
              + gatewayArn
              + "' is not a gateway ARN (arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-…)");
    }
    return new TapeArns(gatewayArn.substring(0, at + 1));
  }

  public String tape(String barcode) {
    return prefix + "tape/" + Barcodes.require(barcode);
  }

  public String pool(String poolId) {
    return prefix + "tapepool/" + poolId;
  }

  /** The barcode at the end of a tape ARN. */
  public static String barcodeOf(String tapeArn) {
    int slash = tapeArn.lastIndexOf("tape/");
    if (slash < 0) {
      throw new IllegalArgumentException("'" + tapeArn + "' is not a tape ARN");
    }
    return tapeArn.substring(slash + "tape/".length());
  }
}
