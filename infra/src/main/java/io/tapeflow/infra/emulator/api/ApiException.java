package io.tapeflow.infra.emulator.api;

import java.util.Map;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;

/**
 * An error answer in the service's wire format: {@code __type}, {@code message} and, for the
 * modeled exceptions, {@code error.errorCode} (reference §1.3). Business errors are {@code
 * InvalidGatewayRequestException} with an error code; constraint violations are {@code
 * ValidationException}; protocol problems use AWS's common error types.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The modeled business error; the SDK maps it to {@code InvalidGatewayRequestException}. */
  public static final String INVALID_GATEWAY_REQUEST = "InvalidGatewayRequestException";

  /** The modeled server error; the SDK maps it to {@code InternalServerErrorException}. */
  public static final String INTERNAL_SERVER_ERROR = "InternalServerError";

  private final String type;
  private final int status;
  private final String errorCode;
  private final transient Map<String, String> errorDetails;

  private ApiException(
      String type, int status, String message, String errorCode, Map<String, String> details) {
    super(message);
    this.type = type;
    this.status = status;
    this.errorCode = errorCode;
    this.errorDetails = details == null ? Map.of() : Map.copyOf(details);
  }

  /**
   * A business error: {@code InvalidGatewayRequestException} (400) with {@code error.errorCode}.
   */
  public static ApiException invalidRequest(ErrorCode code, String message) {
    return new ApiException(INVALID_GATEWAY_REQUEST, 400, message, code.toString(), null);
  }

  /** A business error carrying {@code error.errorDetails} as well. */
  public static ApiException invalidRequest(
      ErrorCode code, String message, Map<String, String> details) {
    return new ApiException(INVALID_GATEWAY_REQUEST, 400, message, code.toString(), details);
  }

  /** Shorthand for the commonest business error, {@code InvalidParameters}. */
  public static ApiException invalidParameters(String message) {
    return invalidRequest(ErrorCode.INVALID_PARAMETERS, message);
  }

  /** One or more model constraints were violated; raised before any business logic runs. */
  public static ApiException validation(String message) {
    return new ApiException("ValidationException", 400, message, null, null);
  }

  /** The body is not the JSON the operation expects. */
  public static ApiException serialization(String message) {
    return new ApiException("SerializationException", 400, message, null, null);
  }

  /** {@code ThrottlingException}, 400 "Rate exceeded.", which the SDK retries with backoff. */
  public static ApiException throttling() {
    return new ApiException("ThrottlingException", 400, "Rate exceeded.", null, null);
  }

  /**
   * {@code InternalServerError} with HTTP 500 (the older user guide's status), which the SDK
   * retries by itself; {@code error.errorCode} is {@code InternalError}.
   */
  public static ApiException internal(String message) {
    return new ApiException(
        INTERNAL_SERVER_ERROR, 500, message, ErrorCode.INTERNAL_ERROR.toString(), null);
  }

  /** Any other common error type, without {@code error}. */
  public static ApiException common(String type, int status, String message) {
    return new ApiException(type, status, message, null, null);
  }

  /** The {@code __type} of the answer. */
  public String type() {
    return type;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The {@code error.errorCode}, or null for errors that carry none. */
  public String errorCode() {
    return errorCode;
  }

  /** The {@code error.errorDetails}, empty when none. */
  public Map<String, String> errorDetails() {
    return errorDetails;
  }
}
