package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.TapeSizes;
import java.util.Objects;

/**
 * What new tapes of one pool share (everything of a {@link TapeIdentity} but the barcode, which the
 * gateway chooses when it creates them).
 */
public record TapeTemplate(
    String gatewayName,
    String gatewayArn,
    String library,
    String director,
    String storage,
    String baculaPool,
    String awsPool,
    long sizeBytes,
    int labelDrive) {

  public TapeTemplate {
    TaskQueues.requireName("gateway", gatewayName);
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    TaskQueues.requireName("library", library);
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    TaskQueues.requireName("pool", baculaPool);
    TaskQueues.requireName("AWS pool", awsPool);
    TapeSizes.require(sizeBytes);
  }

  /** The identity of one tape made from this template. */
  public TapeIdentity identity(String barcode) {
    return new TapeIdentity(
        barcode,
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
}
