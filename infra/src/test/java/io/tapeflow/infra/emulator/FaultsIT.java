package io.tapeflow.infra.emulator;

import static io.tapeflow.infra.emulator.testing.EmulatorHarness.barcode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.infra.emulator.faults.FaultSpec;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.StorageGatewayException;
import software.amazon.awssdk.services.storagegateway.model.TapeInfo;

/**
 * Under 20 % throttling (and some 500s, half of them after the change was made), a 50-tape
 * create-and-archive run completes with every tape archived exactly once and no duplicate tape:
 * ClientToken makes every CreateTapes retry harmless.
 */
class FaultsIT {
  @TempDir Path dir;

  @Test
  void fiftyTapes_createdAndArchivedUnderThrottling_haveNoDuplicates() {
    FaultSpec faults = FaultSpec.parse("throttle=0.2,error5xx=0.05,latency=0ms..5ms,seed=42");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutionInterceptor counter =
        new ExecutionInterceptor() {
          @Override
          public void afterTransmission(
              Context.AfterTransmission context, ExecutionAttributes attributes) {
            statuses
                .computeIfAbsent(context.httpResponse().statusCode(), s -> new AtomicInteger())
                .incrementAndGet();
          }
        };
    try (EmulatorHarness h =
        EmulatorHarness.start(
            dir,
            c ->
                c.library(2, 60, 60)
                    .faults(faults)
                    .delays(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(200)))) {
      StorageGatewayClient sgw =
          h.client(
              ClientOverrideConfiguration.builder()
                  .retryStrategy(
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(8)
                          .circuitBreakerEnabled(false)
                          .backoffStrategy(
                              BackoffStrategy.exponentialDelay(
                                  Duration.ofMillis(5), Duration.ofMillis(100)))
                          .throttlingBackoffStrategy(
                              BackoffStrategy.exponentialDelay(
                                  Duration.ofMillis(5), Duration.ofMillis(100)))
                          .build())
                  .addExecutionInterceptor(counter)
                  .build());
      String gw = h.gatewayArn();

      List<String> arns = new ArrayList<>();
      for (int batch = 0; batch < 5; batch++) {
        String token = "fault-run-batch-" + batch;
        arns.addAll(
            untilOk(
                () ->
                    sgw.createTapes(
                            r ->
                                r.gatewayARN(gw)
                                    .tapeSizeInBytes(100L << 30)
                                    .clientToken(token)
                                    .numTapesToCreate(10)
                                    .tapeBarcodePrefix("FLT"))
                        .tapeARNs()));
      }
      assertThat(arns).hasSize(50).doesNotHaveDuplicates();

      EmulatorHarness.await("all 50 tapes are AVAILABLE", () -> countIn(sgw, "AVAILABLE") == 50);
      for (String arn : arns) {
        h.importTape(barcode(arn));
        h.exportTape(barcode(arn));
      }
      EmulatorHarness.await("all 50 tapes are ARCHIVED", () -> countIn(sgw, "ARCHIVED") == 50);

      List<TapeInfo> all =
          untilOk(() -> sgw.listTapesPaginator(r -> r.limit(7)).tapeInfos().stream().toList());
      List<String> listed =
          all.stream().map(TapeInfo::tapeARN).filter(a -> barcode(a).startsWith("FLT")).toList();
      assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(arns);
      long shelved =
          h
              .s3()
              .listObjectsV2Paginator(b -> b.bucket(h.emulator().bucket()).prefix("tapes/FLT"))
              .contents()
              .stream()
              .filter(o -> o.key().endsWith("/data"))
              .count();
      assertThat(shelved).isEqualTo(50);
      assertThat(statuses.getOrDefault(400, new AtomicInteger()).get())
          .as("throttled answers seen: %s", statuses)
          .isPositive();
      assertThat(statuses.getOrDefault(500, new AtomicInteger()).get()).isPositive();
    }
  }

  private static long countIn(StorageGatewayClient sgw, String status) {
    Map<String, Long> byStatus =
        untilOk(() -> sgw.listTapesPaginator(r -> r.limit(20)).tapeInfos().stream().toList())
            .stream()
            .filter(t -> t.tapeBarcode().startsWith("FLT"))
            .collect(Collectors.groupingBy(TapeInfo::tapeStatus, Collectors.counting()));
    return byStatus.getOrDefault(status, 0L);
  }

  /** Retries a call the SDK gave up on (as an activity's retry would), same parameters. */
  private static <T> T untilOk(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StorageGatewayException e) {
        if (attempt >= 20 || (e.statusCode() != 500 && !e.isThrottlingException())) {
          throw e;
        }
      }
    }
  }
}
