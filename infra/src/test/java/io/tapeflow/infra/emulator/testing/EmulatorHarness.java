package io.tapeflow.infra.emulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.infra.emulator.EmulatorConfig;
import io.tapeflow.infra.emulator.GatewayEmulator;
import io.tapeflow.infra.emulator.api.AwsJson;
import io.tapeflow.infra.emulator.library.LibrarySide;
import io.tapeflow.infra.emulator.library.LibrarySpec;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.Tape;
import software.amazon.awssdk.services.storagegateway.model.TapeInfo;

/**
 * Starts an emulator in-process on free ports, in a directory of the test's, and gives the test the
 * unmodified SDK clients (Storage Gateway and S3) and an initiator on the library. {@link #close()}
 * stops everything it started.
 */
public final class EmulatorHarness implements AutoCloseable {
  /** Credentials any SigV4 client may use against the emulator. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTAPEFLOWTEST", "secret"));

  private final Path dir;
  private final EmulatorConfig config;
  private final LibraryBackend backend;
  private final Clock clock;
  private GatewayEmulator emulator;
  private StorageGatewayClient sgw;
  private S3Client s3;
  private Initiator initiator;

  private EmulatorHarness(Path dir, EmulatorConfig config, LibraryBackend backend, Clock clock) {
    this.dir = dir;
    this.config = config;
    this.backend = backend;
    this.clock = clock;
  }

  /** Starts an emulator with a small library (2 drives, 20 slots, 20 I/E) and short delays. */
  public static EmulatorHarness start(Path dir, UnaryOperator<EmulatorConfig.Builder> tweak) {
    return start(dir, tweak, Clock.systemUTC());
  }

  /** Starts an emulator on a clock of the test's (a {@link MutableClock} to skip delays). */
  public static EmulatorHarness start(
      Path dir, UnaryOperator<EmulatorConfig.Builder> tweak, Clock clock) {
    EmulatorConfig.Builder base =
        EmulatorConfig.newBuilder()
            .stateDir(dir.resolve("state"))
            .library(2, 20, 20)
            .delays(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(200))
            .pollInterval(Duration.ofMillis(50));
    EmulatorHarness h =
        new EmulatorHarness(dir, tweak.apply(base).build(), LibraryBackend.chosen(), clock);
    h.startEmulator();
    return h;
  }

  private void startEmulator() {
    AtomicReference<LibrarySide> library = new AtomicReference<>();
    LibrarySpec.Starter starter =
        spec -> {
          LibrarySide side = backend.start(spec, dir);
          library.set(side);
          return side;
        };
    emulator = GatewayEmulator.start(config, starter, Shelf.anyCredentials(), clock);
    sgw =
        StorageGatewayClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(ClientOverrideConfiguration.builder().build())
            .build();
    s3 =
        S3Client.builder()
            .endpointOverride(emulator.s3Endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .forcePathStyle(true)
            .build();
    initiator = backend.initiator(library.get(), emulator.layout(), dir);
  }

  /** Stops the emulator (mid-whatever) and starts it again on the same state directory. */
  public void restart() {
    stopEmulator();
    startEmulator();
  }

  public GatewayEmulator emulator() {
    return emulator;
  }

  public StorageGatewayClient sgw() {
    return sgw;
  }

  public S3Client s3() {
    return s3;
  }

  /**
   * Another Storage Gateway client on the emulator, with its own overrides (retries, interceptors).
   */
  public StorageGatewayClient client(ClientOverrideConfiguration overrides) {
    return StorageGatewayClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(overrides)
        .build();
  }

  public Initiator initiator() {
    return initiator;
  }

  public String gatewayArn() {
    return emulator.gatewayArn();
  }

  /** The barcode of a tape ARN. */
  public static String barcode(String tapeArn) {
    return tapeArn.substring(tapeArn.lastIndexOf('/') + 1);
  }

  /** Waits (up to 30 s, polling) until {@code condition} holds. */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  /** The tape's status as ListTapes shows it, or empty when it is gone. */
  public Optional<String> status(String tapeArn) {
    List<TapeInfo> infos = sgw.listTapes(r -> r.tapeARNs(tapeArn)).tapeInfos();
    return infos.isEmpty() ? Optional.empty() : Optional.of(infos.get(0).tapeStatus());
  }

  /** Waits until ListTapes shows {@code status} for the tape. */
  public void awaitStatus(String tapeArn, String status) {
    await(tapeArn + " is " + status, () -> Optional.of(status).equals(status(tapeArn)));
  }

  /** DescribeTapes' view of one tape. */
  public Tape describe(String tapeArn) {
    List<Tape> tapes = sgw.describeTapes(r -> r.gatewayARN(gatewayArn()).tapeARNs(tapeArn)).tapes();
    assertThat(tapes).as("DescribeTapes of %s", tapeArn).hasSize(1);
    return tapes.get(0);
  }

  /** Where the initiator sees the tape, or empty. */
  public Optional<Element> locate(String barcode) {
    return initiator.inventory().locate(barcode);
  }

  /** The lowest empty element of a type, as the initiator sees it. */
  public int firstEmpty(ElementType type) {
    Inventory inv = initiator.inventory();
    return inv.firstEmpty(type)
        .orElseThrow(() -> new AssertionError("no empty " + type + " element"))
        .address();
  }

  /** Imports a tape from its I/E element into the first free storage slot; returns the slot. */
  public int importTape(String barcode) {
    Element at = locate(barcode).orElseThrow(() -> new AssertionError(barcode + " not found"));
    int slot = firstEmpty(ElementType.STORAGE);
    initiator.move(at.address(), slot);
    return slot;
  }

  /** Exports a tape into the first free I/E element; returns the element. */
  public int exportTape(String barcode) {
    Element at = locate(barcode).orElseThrow(() -> new AssertionError(barcode + " not found"));
    int ie = firstEmpty(ElementType.IMPORT_EXPORT);
    initiator.move(at.address(), ie);
    return ie;
  }

  /**
   * Loads the tape into the first empty drive, writes {@code data} through {@code media/drive-<k>}
   * as Bacula would, and puts it back where it was.
   */
  public void writeThroughDrive(String barcode, byte[] data) {
    Element at = locate(barcode).orElseThrow(() -> new AssertionError(barcode + " not found"));
    int drive = firstEmpty(ElementType.DRIVE);
    int k = emulator.layout().driveIndex(drive);
    initiator.move(at.address(), drive);
    Path link = emulator.mediaDir().resolve("drive-" + k);
    await(
        "drive-" + k + " points at " + barcode,
        () -> {
          try {
            return Files.isSymbolicLink(link)
                && Files.readSymbolicLink(link).toString().equals(barcode);
          } catch (IOException e) {
            return false;
          }
        });
    try {
      Files.write(link, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    initiator.move(drive, at.address());
  }

  /** The tape's data file in the media directory. */
  public Path mediaFile(String barcode) {
    return emulator.mediaDir().resolve(barcode);
  }

  /** The tape's data as the shelf bucket holds it, read with the S3 client. */
  public byte[] shelfData(String barcode) {
    return s3.getObjectAsBytes(b -> b.bucket(emulator.bucket()).key(Shelf.key(barcode, Shelf.DATA)))
        .asByteArray();
  }

  /** The raw JSON body of a service error, as the SDK received it. */
  public static JsonNode rawError(AwsServiceException e) {
    try {
      return AwsJson.tree(e.awsErrorDetails().rawResponse().asByteArray());
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private void stopEmulator() {
    if (initiator != null) {
      initiator.close();
    }
    if (sgw != null) {
      sgw.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    initiator = null;
    sgw = null;
    s3 = null;
    emulator = null;
  }

  @Override
  public void close() {
    stopEmulator();
  }
}
