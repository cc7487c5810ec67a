package io.tapeflow.workflows.common;

import java.util.regex.Pattern;

/** Request ids: 1 to 100 of {@code A-Z a-z 0-9 : . _ / -}. They name requests in logs and audit. */
public final class RequestIds {
  private RequestIds() {}

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._/-]{1,100}");

  /**
   * Returns the id if valid.
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String require(String requestId) {
    if (requestId == null || !ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException(
          "request id "
              + (requestId == null ? "is missing" : "'" + requestId + "' is invalid")
              + ": use 1 to 100 letters, digits, ':', '.', '_', '/' or '-'");
    }
    return requestId;
  }
}
