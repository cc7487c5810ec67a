package io.tapeflow.worker.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tape Gateway's ARN, {@code arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-XXXXXXXX}.
 *
 * @param value the whole ARN
 * @param region its region
 * @param account its 12-digit account id
 */
public record GatewayArn(String value, String region, String account) {
  static final String FORM = "arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-XXXXXXXX";
  private static final Pattern ARN =
      Pattern.compile(
          "arn:aws(?:-cn|-us-gov)?:storagegateway:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):"
              + "gateway/sgw-[0-9A-Z]{8}");

  /**
   * Parses a gateway ARN.
   *
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static GatewayArn parse(String text) {
    Matcher m = ARN.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a gateway ARN (" + FORM + ")");
    }
    return new GatewayArn(text, m.group(1), m.group(2));
  }

  @Override
  public String toString() {
    return value;
  }
}
