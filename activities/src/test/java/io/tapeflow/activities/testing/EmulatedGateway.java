package io.tapeflow.activities.testing;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.testing.RepoRoot;
import io.tapeflow.infra.emulator.ChangerAccess;
import io.tapeflow.infra.emulator.EmulatorConfig;
import io.tapeflow.infra.emulator.GatewayEmulator;
import io.tapeflow.infra.emulator.library.TgtLibrary;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;

/**
 * The tape gateway emulator, in-process, with its library on a private tgtd (infra/bin/vtl) on
 * 127.0.0.1: the real part tapeflow's gateway and changer activities run against. The unmodified
 * AWS SDK clients reach it through an endpoint override; every HTTP request the gateway client
 * sends is counted. {@link #close} stops what it started.
 */
public final class EmulatedGateway implements AutoCloseable {
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTAPEFLOWTEST", "secret"));

  private final GatewayEmulator emulator;
  private final StorageGatewayClient sgw;
  private final S3Client s3;
  private final Path locks;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> operations = new ArrayList<>();

  private EmulatedGateway(GatewayEmulator emulator, Path locks) {
    this.emulator = emulator;
    this.locks = locks;
    ExecutionInterceptor counter =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            requests.incrementAndGet();
            synchronized (operations) {
              operations.add(c.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?"));
            }
          }
        };
    this.sgw =
        StorageGatewayClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
            .build();
    this.s3 =
        S3Client.builder()
            .endpointOverride(emulator.s3Endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .forcePathStyle(true)
            .build();
  }

  /**
   * Starts an emulator in {@code dir} with a small library and short delays, adjusted by {@code
   * tweak}.
   */
  public static EmulatedGateway start(Path dir, UnaryOperator<EmulatorConfig.Builder> tweak) {
    Path locks = dir.resolve("locks");
    EmulatorConfig config =
        tweak
            .apply(
                EmulatorConfig.newBuilder()
                    .stateDir(dir.resolve("state"))
                    .library(2, 20, 20)
                    .delays(
                        java.time.Duration.ZERO,
                        java.time.Duration.ofMillis(500),
                        java.time.Duration.ofMillis(500))
                    .pollInterval(java.time.Duration.ofMillis(50)))
            .build();
    Path vtl = RepoRoot.find().resolve("infra/bin/vtl");
    GatewayEmulator e =
        GatewayEmulator.start(
            config,
            spec -> TgtLibrary.start(spec, vtl, ChangerAccess.opener(locks)),
            Shelf.anyCredentials());
    return new EmulatedGateway(e, locks);
  }

  public StorageGatewayClient sgw() {
    return sgw;
  }

  public S3Client s3() {
    return s3;
  }

  public String gatewayArn() {
    return emulator.gatewayArn();
  }

  public String changerUri() {
    return emulator.layout().changerUri();
  }

  public Path locks() {
    return locks;
  }

  public Path media() {
    return emulator.mediaDir();
  }

  public GatewayEmulator emulator() {
    return emulator;
  }

  /** Opens the emulator's changer as tapeflow does (libiscsi, host-wide lock). */
  public MediumChanger openChanger() {
    return Changers.open(ChangerUri.parse(changerUri()), locks);
  }

  /** Gateway API requests sent so far (every HTTP request, retries included). */
  public int requests() {
    return requests.get();
  }

  /** The operations of the requests sent so far, in order. */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  @Override
  public void close() {
    sgw.close();
    s3.close();
    emulator.close();
  }
}
