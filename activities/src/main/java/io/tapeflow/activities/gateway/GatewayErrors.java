package io.tapeflow.activities.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Storage Gateway errors to tapeflow failure types, in one place. The SDK v2 drops {@code
 * error.errorCode} from {@code InvalidGatewayRequestException}, so the code is read from the raw
 * response body.
 */
public final class GatewayErrors {
  private GatewayErrors() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a failed call returned: the top-level type, the inner error code and the message. */
  public record Answer(int httpStatus, String type, String errorCode, String message) {}

  /** Reads the error of a service exception, from the raw body where the SDK dropped it. */
  public static Answer answer(AwsServiceException e) {
    AwsErrorDetails d = e.awsErrorDetails();
    String type = d == null ? null : d.errorCode();
    String message = d == null ? e.getMessage() : d.errorMessage();
    String code = null;
    if (d != null && d.rawResponse() != null) {
      try {
        JsonNode body = JSON.readTree(d.rawResponse().asUtf8String());
        if (body != null) {
          code = text(body.path("error").path("errorCode"));
          if (type == null) {
            type = strip(text(body.path("__type")));
          }
          if (message == null) {
            message = text(body.path("message"));
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // The body is not JSON (a proxy's HTML page, say): keep what the SDK parsed.
      }
    }
    return new Answer(e.statusCode(), type, code == null ? null : code.strip(), message);
  }

  /**
   * The failure of a call, typed: throttling and unavailability are retried; a missing tape, a
   * retention lock and every other refusal are not.
   *
   * @param what the call, for the message, e.g. {@code "RetrieveTapeArchive of TAP0001"}
   */
  public static ApplicationFailure failure(String what, SdkException e) {
    if (e instanceof AwsServiceException s) {
      Answer a = answer(s);
      String said =
          what
              + " failed: "
              + a.type()
              + (a.errorCode() == null ? "" : "/" + a.errorCode())
              + ": "
              + a.message();
      return Failures.of(typeOf(a), said);
    }
    if (e instanceof SdkClientException) {
      return Failures.of(
          Failures.GATEWAY_UNAVAILABLE,
          what + " failed: the gateway API could not be reached (" + e.getMessage() + ")");
    }
    return Failures.of(Failures.GATEWAY_UNAVAILABLE, what + " failed: " + e.getMessage());
  }

  /** The failure type of an answer. */
  public static String typeOf(Answer a) {
    String type = a.type() == null ? "" : a.type();
    String code = a.errorCode() == null ? "" : a.errorCode();
    String message = a.message() == null ? "" : a.message().toLowerCase(Locale.ROOT);
    if (type.contains("Throttl") || code.contains("Throttl")) {
      return Failures.GATEWAY_THROTTLED;
    }
    if (a.httpStatus() >= 500
        || type.equals("InternalServerError")
        || type.equals("ServiceUnavailableError")
        || type.equals("ServiceUnavailable")
        || type.equals("InternalFailure")
        || code.equals("GatewayNotConnected")
        || code.equals("GatewayInternalError")
        || code.equals("ServiceUnavailable")
        || code.equals("RequestTimeout")
        || code.equals("GatewayProxyNetworkConnectionBusy")
        || code.equals("InternalError")) {
      return Failures.GATEWAY_UNAVAILABLE;
    }
    if (code.equals("TapeCartridgeNotFound") || type.equals("TapeCartridgeNotFound")) {
      return Failures.TAPE_NOT_FOUND;
    }
    if (message.contains("retention lock") || message.contains("retentionlock")) {
      return Failures.RETENTION_LOCKED;
    }
    return Failures.GATEWAY_REJECTED;
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  /** {@code com.amazonaws...#Name:extra} → {@code Name}, as AWS clients read {@code __type}. */
  private static String strip(String type) {
    if (type == null) {
      return null;
    }
    int hash = type.lastIndexOf('#');
    String t = hash >= 0 ? type.substring(hash + 1) : type;
    int colon = t.indexOf(':');
    return colon >= 0 ? t.substring(0, colon) : t;
  }
}
