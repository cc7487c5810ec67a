package io.tapeflow.infra.emulator.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * The emulated gateway's identity and the ARNs built from it, in the forms AWS uses: {@code
 * arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-XXXXXXXX}, {@code …:tape/BARCODE} (no gateway
 * in a tape ARN), {@code …:tapepool/pool-XXXXXXXX}, and device and target ARNs under the gateway.
 *
 * @param region the region in every ARN
 * @param account the (fake) account id in every ARN
 * @param gatewayId {@code sgw-} and eight uppercase hex digits
 */
public record Arns(String region, String account, String gatewayId) {
  /** The region every emulated ARN names. */
  public static final String REGION = "us-east-1";

  /** The fake account id every emulated ARN names (the one AWS's examples use). */
  public static final String ACCOUNT = "111122223333";

  public Arns {
    if (!gatewayId.matches("sgw-[0-9A-F]{8}")) {
      throw new IllegalArgumentException("gateway id must be sgw-XXXXXXXX: " + gatewayId);
    }
  }

  private String prefix() {
    return "arn:aws:storagegateway:" + region + ":" + account + ":";
  }

  /** The gateway's ARN. */
  public String gateway() {
    return prefix() + "gateway/" + gatewayId;
  }

  /** The ARN of the tape with this barcode. */
  public String tape(String barcode) {
    return prefix() + "tape/" + barcode;
  }

  /** The barcode in a tape ARN of this region and account, or empty for any other ARN. */
  public Optional<String> barcodeOf(String tapeArn) {
    String p = prefix() + "tape/";
    return tapeArn != null && tapeArn.startsWith(p)
        ? Optional.of(tapeArn.substring(p.length()))
        : Optional.empty();
  }

  /** The ARN of a custom pool. */
  public String pool(String poolId) {
    return prefix() + "tapepool/" + poolId;
  }

  /** The pool id in a pool ARN of this region and account, or empty. */
  public Optional<String> poolIdOf(String poolArn) {
    String p = prefix() + "tapepool/";
    return poolArn != null && poolArn.startsWith(p)
        ? Optional.of(poolArn.substring(p.length()))
        : Optional.empty();
  }

  /** The ARN of the medium changer device. */
  public String changerDevice() {
    return gateway() + "/device/AMZN_" + gatewayId.toUpperCase(Locale.ROOT) + "_MEDIACHANGER_00001";
  }

  /** The ARN of tape drive {@code index} (0-based; AWS numbers drives from 00001). */
  public String driveDevice(int index) {
    return gateway()
        + "/device/AMZN_"
        + gatewayId.toUpperCase(Locale.ROOT)
        + String.format(Locale.ROOT, "_TAPEDRIVE_%05d", index + 1);
  }

  /** The ARN of an iSCSI target of the gateway. */
  public String target(String iqn) {
    return gateway() + "/target/" + iqn;
  }
}
