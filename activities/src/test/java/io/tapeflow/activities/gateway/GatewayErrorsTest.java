package io.tapeflow.activities.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.storagegateway.model.InvalidGatewayRequestException;
import software.amazon.awssdk.services.storagegateway.model.StorageGatewayException;

/** The raw error bodies of the Storage Gateway reference, mapped to failure types. */
class GatewayErrorsTest {

  private static AwsServiceException error(int status, String type, String body) {
    AwsErrorDetails details =
        AwsErrorDetails.builder()
            .errorCode(type)
            .errorMessage(null)
            .rawResponse(SdkBytes.fromUtf8String(body))
            .build();
    return type.equals("InvalidGatewayRequestException")
        ? InvalidGatewayRequestException.builder()
            .statusCode(status)
            .awsErrorDetails(details)
            .build()
        : StorageGatewayException.builder().statusCode(status).awsErrorDetails(details).build();
  }

  @Test
  void errorCode_isReadFromTheRawBody_theSdkDropsIt() {
    AwsServiceException e =
        error(
            400,
            "InvalidGatewayRequestException",
            "{\"__type\":\"InvalidGatewayRequestException\",\"error\":{\"errorCode\":\"TapeCartridgeNotFound\"},"
                + "\"message\":\"The specified tape was not found.\"}");
    GatewayErrors.Answer a = GatewayErrors.answer(e);
    assertThat(a.errorCode()).isEqualTo("TapeCartridgeNotFound");
    assertThat(a.message()).isEqualTo("The specified tape was not found.");
    ApplicationFailure f = GatewayErrors.failure("DeleteTape TAP00001", e);
    assertThat(f.getType()).isEqualTo(Failures.TAPE_NOT_FOUND);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage())
        .startsWith(
            "DeleteTape TAP00001 failed: InvalidGatewayRequestException/TapeCartridgeNotFound");
  }

  @Test
  void throttling_andUnavailability_areRetried() {
    ApplicationFailure throttled =
        GatewayErrors.failure(
            "ListTapes",
            error(
                400,
                "ThrottlingException",
                "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded.\"}"));
    assertThat(throttled.getType()).isEqualTo(Failures.GATEWAY_THROTTLED);
    assertThat(throttled.isNonRetryable()).isFalse();
    ApplicationFailure offline =
        GatewayErrors.failure(
            "ListTapes",
            error(
                400,
                "InvalidGatewayRequestException",
                "{\"__type\":\"InvalidGatewayRequestException\",\"error\":{\"errorCode\":\"GatewayNotConnected\"},\"message\":\"The specified gateway is not connected.\"}"));
    assertThat(offline.getType()).isEqualTo(Failures.GATEWAY_UNAVAILABLE);
    assertThat(GatewayErrors.failure("x", error(500, "InternalServerError", "{}")).getType())
        .isEqualTo(Failures.GATEWAY_UNAVAILABLE);
    assertThat(
            GatewayErrors.failure("x", SdkClientException.create("Connection refused")).getType())
        .isEqualTo(Failures.GATEWAY_UNAVAILABLE);
  }

  @Test
  void refusals_areNotRetried_aRetentionLockIsNamed() {
    assertThat(
            GatewayErrors.failure(
                    "x",
                    error(
                        400,
                        "InvalidGatewayRequestException",
                        "{\"__type\":\"InvalidGatewayRequestException\",\"error\":{\"errorCode\":\"InvalidParameters\"},\"message\":\"The specified request contains invalid parameters.\"}"))
                .getType())
        .isEqualTo(Failures.GATEWAY_REJECTED);
    assertThat(
            GatewayErrors.failure(
                    "x",
                    error(
                        400,
                        "InvalidGatewayRequestException",
                        "{\"__type\":\"InvalidGatewayRequestException\",\"error\":{\"errorCode\":\"UnauthorizedOperation\"},\"message\":\"tape T is under a COMPLIANCE retention lock until 2027\"}"))
                .getType())
        .isEqualTo(Failures.RETENTION_LOCKED);
    assertThat(
            GatewayErrors.failure(
                    "x",
                    error(
                        400,
                        "ValidationException",
                        "{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected\"}"))
                .getType())
        .isEqualTo(Failures.GATEWAY_REJECTED);
  }

  @Test
  void prefixedType_andNonJsonBodies_areUnderstood() {
    GatewayErrors.Answer a =
        GatewayErrors.answer(
            error(
                400,
                "x",
                "{\"__type\":\"com.amazonaws.storagegateway#ThrottlingException:http://x\"}"));
    assertThat(a.type()).isEqualTo("x");
    AwsServiceException html =
        StorageGatewayException.builder()
            .statusCode(503)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .rawResponse(SdkBytes.fromUtf8String("<html>busy</html>"))
                    .build())
            .build();
    assertThat(GatewayErrors.failure("x", html).getType()).isEqualTo(Failures.GATEWAY_UNAVAILABLE);
  }
}
