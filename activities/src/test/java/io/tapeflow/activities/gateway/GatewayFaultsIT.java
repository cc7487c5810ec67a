package io.tapeflow.activities.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.infra.emulator.faults.FaultSpec;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityExtension;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A gateway that throttles every call: the activity fails with the retryable GatewayThrottled. */
class GatewayFaultsIT {
  @TempDir static Path dir;
  static EmulatedGateway gw;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(new GatewayActivitiesImpl(gw.sgw(), Clock.systemUTC()))
          .build();

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir, c -> c.faults(FaultSpec.parse("throttle=1.0,seed=1")));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void throttledGateway_failsRetryablyWithGatewayThrottled(GatewayActivities a) {
    ApplicationFailure f =
        Checks.failure(
            () -> a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of("TFGW0100"))));
    assertThat(f.getType()).isEqualTo(Failures.GATEWAY_THROTTLED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getOriginalMessage()).contains("ThrottlingException");
  }
}
