package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.TapeSizes;
import java.util.Objects;

/**
 * What a tape is and which outside systems it belongs to; fixed for its whole life.
 *
 * @param barcode the barcode, also Bacula's volume name
 * @param gatewayName the gateway's configured name (search attribute {@code GatewayName})
 * @param gatewayArn the gateway's ARN
 * @param library the changer's configured name: changer activities run on {@code changer/<library>}
 * @param director the Bacula director's configured name: Bacula activities run on {@code
 *     bacula/<director>}
 * @param storage the Bacula Storage resource of the gateway's autochanger
 * @param baculaPool the Bacula pool the volume is labelled into
 * @param awsPool GLACIER, DEEP_ARCHIVE or a custom pool id (search attribute {@code TapePool})
 * @param sizeBytes the tape's size
 * @param labelDrive the drive index Bacula labels it on
 */
public record TapeIdentity(
    String barcode,
    String gatewayName,
    String gatewayArn,
    String library,
    String director,
    String storage,
    String baculaPool,
    String awsPool,
    long sizeBytes,
    int labelDrive) {

  public TapeIdentity {
    Barcodes.require(barcode);
    requireMembership(
        gatewayName,
        gatewayArn,
        library,
        director,
        storage,
        baculaPool,
        awsPool,
        sizeBytes,
        labelDrive);
  }

  /** Checks everything but the barcode; {@link TapeTemplate} shares it. */
  static void requireMembership(
      String gatewayName,
      String gatewayArn,
      String library,
      String director,
      String storage,
      String baculaPool,
      String awsPool,
      long sizeBytes,
      int labelDrive) {
    TaskQueues.requireName("gateway", gatewayName);
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    TaskQueues.requireName("library", library);
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    TaskQueues.requireName("pool", baculaPool);
    TaskQueues.requireName("AWS pool", awsPool);
    TapeSizes.require(sizeBytes);
    if (labelDrive < 0) {
      throw new IllegalArgumentException("label drive index must be 0 or more, got " + labelDrive);
    }
  }

  /** The tape's workflow id: {@code tape/<BARCODE>}. */
  public String workflowId() {
    return TapeWorkflows.workflowId(barcode);
  }
}
