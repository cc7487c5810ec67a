package io.tapeflow.infra.emulator.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a request is SigV4-signed for Storage Gateway, accepting any credentials: the
 * emulator cannot know the client's secret key, so the signature's form is checked, not its value.
 * Refusals follow AWS's common errors: no {@code Authorization} header at all → {@code
 * MissingAuthenticationToken} (403, which the SDK does not retry); a malformed or incomplete one →
 * {@code IncompleteSignatureException} (400); signed for another service → {@code
 * InvalidSignatureException} (400).
 */
final class SigV4Check {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request"
              + "\\s*,\\s*SignedHeaders=([a-z0-9;\\-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");

  private SigV4Check() {}

  /** Throws the refusal AWS would send, or returns when the request is signed. */
  static void check(String authorization, String amzDate) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiException.common(
          "MissingAuthenticationToken",
          403,
          "Missing Authentication Token: sign requests with AWS Signature Version 4 (any"
              + " credentials are accepted here)");
    }
    Matcher m = AUTHORIZATION.matcher(authorization.strip());
    if (!m.matches()) {
      throw ApiException.common(
          "IncompleteSignatureException",
          400,
          "Authorization header is not an AWS4-HMAC-SHA256 signature with Credential,"
              + " SignedHeaders and Signature");
    }
    if (!"storagegateway".equals(m.group(4))) {
      throw ApiException.common(
          "InvalidSignatureException",
          400,
          "Credential should be scoped to correct service: 'storagegateway', not '"
              + m.group(4)
              + "'");
    }
    if (amzDate == null || amzDate.isBlank()) {
      throw ApiException.common(
          "IncompleteSignatureException", 400, "Authorization requires an X-Amz-Date header");
    }
  }
}
