package io.tapeflow.infra.emulator;

import io.tapeflow.infra.emulator.api.ApiServer;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import io.tapeflow.infra.emulator.faults.FaultInjector;
import io.tapeflow.infra.emulator.gateway.Gateway;
import io.tapeflow.infra.emulator.gateway.GatewayOperations;
import io.tapeflow.infra.emulator.gateway.GatewaySettings;
import io.tapeflow.infra.emulator.gateway.LifecycleEngine;
import io.tapeflow.infra.emulator.gateway.PoolOperations;
import io.tapeflow.infra.emulator.gateway.TapeCreation;
import io.tapeflow.infra.emulator.gateway.TapeOperations;
import io.tapeflow.infra.emulator.gateway.TapeRemoval;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import io.tapeflow.infra.emulator.library.LibrarySpec;
import io.tapeflow.infra.emulator.media.MediaDirectory;
import io.tapeflow.infra.emulator.shelf.EmbeddedS3;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A running Tape Gateway emulator: the shelf (embedded S3Proxy unless another S3 is given), the
 * library (started with every tape where the state last saw it), the lifecycle engine and the JSON
 * API. {@link #close()} stops them all in reverse order.
 */
public final class GatewayEmulator implements AutoCloseable {
  /** Tape gateways hold at most 1,500 tapes. */
  static final int MAX_TAPES = 1500;

  private final EmulatorConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private URI s3Endpoint;
  private Gateway gateway;
  private LifecycleEngine engine;
  private ApiServer api;

  private GatewayEmulator(EmulatorConfig config) {
    this.config = config;
  }

  /**
   * Starts an emulator.
   *
   * @param starter starts the library (tgt in production use)
   * @param s3Credentials credentials for {@code --s3-endpoint}; ignored by the embedded S3
   */
  public static GatewayEmulator start(
      EmulatorConfig config, LibrarySpec.Starter starter, AwsCredentialsProvider s3Credentials) {
    return start(config, starter, s3Credentials, Clock.systemUTC());
  }

  /**
   * Starts an emulator on another clock (tests move time forward instead of waiting for delays).
   */
  public static GatewayEmulator start(
      EmulatorConfig config,
      LibrarySpec.Starter starter,
      AwsCredentialsProvider s3Credentials,
      Clock clock) {
    GatewayEmulator e = new GatewayEmulator(config);
    try {
      e.startParts(starter, s3Credentials, clock);
      return e;
    } catch (RuntimeException failure) {
      e.close();
      throw failure;
    }
  }

  private void startParts(
      LibrarySpec.Starter starter, AwsCredentialsProvider s3Credentials, Clock clock) {
    try {
      Files.createDirectories(config.stateDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + config.stateDir(), e);
    }
    Shelf shelf;
    if (config.s3Endpoint() == null) {
      EmbeddedS3 s3 = EmbeddedS3.start(config.stateDir().resolve("s3"));
      started.push(s3);
      s3Endpoint = s3.endpoint();
      shelf = Shelf.connect(s3Endpoint, config.s3Bucket(), Shelf.anyCredentials());
    } else {
      s3Endpoint = config.s3Endpoint();
      shelf = Shelf.connect(s3Endpoint, config.s3Bucket(), s3Credentials);
    }
    started.push(shelf);
    shelf.ensureBucket();
    GatewaySettings settings =
        new GatewaySettings(
            config.gatewayName(),
            config.createDelay(),
            config.archiveDelay(),
            config.retrieveDelay(),
            config.pollInterval(),
            MAX_TAPES);
    LibrarySpec spec =
        new LibrarySpec(
            config.stateDir().resolve("vtl"),
            config.portalHost(),
            config.portalPort(),
            config.drives(),
            config.slots(),
            config.ieSlots(),
            null,
            Map.of());
    gateway =
        Gateway.open(
            config.stateDir(),
            settings,
            spec,
            starter,
            new MediaDirectory(config.mediaDir()),
            shelf,
            clock);
    started.push(gateway);
    engine = new LifecycleEngine(gateway);
    started.push(engine);
    engine.start();
    OperationRegistry ops = new OperationRegistry();
    new GatewayOperations(gateway).register(ops);
    new TapeCreation(gateway).register(ops);
    new TapeOperations(gateway, engine).register(ops);
    new TapeRemoval(gateway, engine).register(ops);
    new PoolOperations(gateway).register(ops);
    api =
        ApiServer.start(
            config.listenHost(), config.listenPort(), ops, new FaultInjector(config.faults()));
    started.push(api);
  }

  /** The API endpoint, {@code http://host:port}. */
  public URI endpoint() {
    return api.endpoint();
  }

  /** The gateway's ARN. */
  public String gatewayArn() {
    return gateway.arns().gateway();
  }

  /** The library's layout: element addresses, portal, IQNs, changer URI. */
  public LibraryLayout layout() {
    return gateway.layout();
  }

  /** The shelf's S3 endpoint. */
  public URI s3Endpoint() {
    return s3Endpoint;
  }

  /** The shelf bucket. */
  public String bucket() {
    return config.s3Bucket();
  }

  /** The media directory. */
  public Path mediaDir() {
    return gateway.media().root();
  }

  /** The configuration it runs with. */
  public EmulatorConfig config() {
    return config;
  }

  /** Runs one lifecycle round now (tests use it instead of waiting for the timer). */
  public void tick() {
    engine.tick();
  }

  /** The line printed when the emulator is ready: every address a user needs. */
  public String readyLine() {
    LibraryLayout l = layout();
    return "gateway-emulator ready: endpoint="
        + endpoint()
        + " gateway="
        + gatewayArn()
        + " iscsi-portal="
        + l.portalHost()
        + ":"
        + l.portalPort()
        + " changer="
        + l.changerUri()
        + " s3="
        + s3Endpoint
        + " bucket="
        + bucket()
        + " media="
        + mediaDir()
        + " state="
        + config.stateDir();
  }

  @Override
  public void close() {
    RuntimeException first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("stopping the emulator: " + e.getMessage(), e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
