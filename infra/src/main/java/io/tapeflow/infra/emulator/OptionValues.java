package io.tapeflow.infra.emulator;

import io.tapeflow.infra.emulator.faults.FaultSpec;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The emulator's option values read from their text, each error naming its option; nothing here
 * keeps state.
 */
final class OptionValues {
  private OptionValues() {}

  /** A {@code HOST:PORT} option value. */
  record HostPort(String host, int port) {}

  static HostPort hostPort(String option, String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          option + " '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:0 for a free port");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + text + "': the port is not a number", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " '" + text + "': port out of range 0-65535");
    }
    return new HostPort(text.substring(0, colon), port);
  }

  static Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  static FaultSpec faults(String text) {
    try {
      return FaultSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--faults: " + e.getMessage(), e);
    }
  }

  static URI s3Endpoint(String text) {
    URI s3;
    try {
      s3 = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--s3-endpoint '" + text + "' is not a URL", e);
    }
    if (s3.getScheme() == null || s3.getHost() == null) {
      throw new IllegalArgumentException(
          "--s3-endpoint '" + text + "' needs a scheme and host, e.g. http://127.0.0.1:9000");
    }
    return s3;
  }

  /**
   * The shelf's S3 credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY when the environment has
   * them (the SDK's provider reads them), else any credentials, which S3Proxy accepts.
   */
  static AwsCredentialsProvider s3Credentials() {
    EnvironmentVariableCredentialsProvider env = EnvironmentVariableCredentialsProvider.create();
    try {
      env.resolveCredentials();
      return env;
    } catch (SdkClientException noneInTheEnvironment) {
      return Shelf.anyCredentials();
    }
  }
}
