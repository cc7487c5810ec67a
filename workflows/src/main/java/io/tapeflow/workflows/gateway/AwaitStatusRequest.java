package io.tapeflow.workflows.gateway;

import io.tapeflow.workflows.common.Barcode;
import java.util.List;
import java.util.Objects;

/**
 * Wait for a tape to reach a status.
 *
 * @param gatewayArn the gateway
 * @param barcode the tape
 * @param wanted the statuses that end the wait, spelled as AWS does
 */
public record AwaitStatusRequest(String gatewayArn, Barcode barcode, List<String> wanted) {
  public AwaitStatusRequest {
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    Objects.requireNonNull(barcode, "barcode");
    wanted = List.copyOf(wanted);
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("no wanted status given");
    }
  }
}
