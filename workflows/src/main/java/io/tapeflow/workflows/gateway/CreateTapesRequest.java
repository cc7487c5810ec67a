package io.tapeflow.workflows.gateway;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Create tapes with a barcode prefix.
 *
 * @param gatewayArn the gateway
 * @param prefix 1 to 4 letters A-Z
 * @param count 1 to 10 tapes
 * @param sizeBytes the size of each, 100 GiB to 15 TiB, GiB-aligned
 * @param poolId GLACIER, DEEP_ARCHIVE or a custom pool id
 * @param clientToken 5 to 100 characters; the same token returns the same tapes
 */
public record CreateTapesRequest(
    String gatewayArn,
    String prefix,
    int count,
    long sizeBytes,
    String poolId,
    String clientToken) {
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,4}");

  public CreateTapesRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "barcode prefix '" + prefix + "' is invalid: use 1 to 4 letters A-Z");
    }
    if (count < 1 || count > 10) {
      throw new IllegalArgumentException("CreateTapes makes 1 to 10 tapes per call, not " + count);
    }
    TapeSizes.require(sizeBytes);
    Objects.requireNonNull(poolId, "poolId");
    if (clientToken == null || clientToken.length() < 5 || clientToken.length() > 100) {
      throw new IllegalArgumentException("ClientToken must be 5 to 100 characters");
    }
  }
}
