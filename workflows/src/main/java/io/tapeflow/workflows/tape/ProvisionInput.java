package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.RequestIds;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * New tapes to create at a gateway.
 *
 * @param requestId names the provisioning (workflow id {@code provision/<requestId>}); the
 *     ClientTokens of its CreateTapes calls derive from it
 * @param template what the tapes share
 * @param prefix barcode prefix, 1 to 4 letters
 * @param count how many tapes, 1 to 100 (created 10 per call)
 * @param policy the new tapes' policy
 */
public record ProvisionInput(
    String requestId, TapeTemplate template, String prefix, int count, TapePolicy policy) {
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,4}");

  public ProvisionInput {
    RequestIds.require(requestId);
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(policy, "policy");
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "barcode prefix '" + prefix + "' is invalid: use 1 to 4 letters A-Z");
    }
    if (count < 1 || count > 100) {
      throw new IllegalArgumentException("provision 1 to 100 tapes at a time, not " + count);
    }
  }
}
