package io.tapeflow.worker.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.gateway.GatewayActivitiesImpl;
import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.console.BconsoleClient;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TapeflowWorker;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.TapeSnapshot;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapeflow worker} on {@code embedded}, which keeps nothing: with tapes in a library slot
 * and on the shelf of the emulated gateway (on tgt), a worker adopts each in its state and place;
 * once that worker and its server are gone, a new worker on an empty server adopts them again in
 * the same states, and a second reconciliation adopts nothing twice.
 */
public class EmbeddedReadoptionIT {
  public static final String IN_SLOT = "TFW00001";
  public static final String SHELVED = "TFW00002";
  public static final String FOREIGN = "XYZ00001";

  @TempDir static Path dir;
  static EmulatedGateway gw;
  static int slot;

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    System.setProperty("aws.accessKeyId", "AKIDTAPEFLOWTEST");
    System.setProperty("aws.secretAccessKey", "secret");
    slot = placeTapes(gw);
  }

  /**
   * Creates {@link #IN_SLOT} (left in a storage slot, whose address it returns), {@link #SHELVED}
   * (exported, so archived on the shelf) and {@link #FOREIGN} (a barcode of no pool).
   */
  public static int placeTapes(EmulatedGateway gw) {
    GatewayActivitiesImpl a = new GatewayActivitiesImpl(gw.sgw(), Clock.systemUTC());
    long size = 100L << 30;
    for (String bc : new String[] {IN_SLOT, SHELVED, FOREIGN}) {
      a.createTape(
          new CreateTapeRequest(gw.gatewayArn(), Barcode.of(bc), size, "GLACIER", "req-" + bc));
    }
    try (MediumChanger changer = gw.openChanger()) {
      for (String bc : new String[] {IN_SLOT, SHELVED, FOREIGN}) {
        Checks.await(() -> changer.locate(bc).isPresent());
        changer.ensureIn(bc, ElementType.STORAGE);
      }
      int slot = changer.locate(IN_SLOT).orElseThrow().address();
      changer.ensureIn(SHELVED, ElementType.IMPORT_EXPORT);
      Checks.await(
          () -> a.describeTape(new TapeRequest(gw.gatewayArn(), Barcode.of(SHELVED))).onShelf(),
          Duration.ofSeconds(60));
      return slot;
    }
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

  /** A config for the emulated gateway, with the given Temporal section and pool prefix TFW. */
  public static Path config(Path dir, EmulatedGateway gw, String temporal) throws Exception {
    String yaml =
        """
        temporal: TEMPORAL
        state: state
        locks: LOCKS
        gateways:
          - name: gw1
            arn: ARN
            region: us-east-1
            endpoint: SGW
            changer: CHANGER
            drives: [/dev/nst0, /dev/nst1]
        bacula:
          director: dir1
          bconsole: {config: bconsole.conf}
          storage: VTL
        pools:
          - {name: Full, gateway: gw1, shelf: GLACIER, barcodePrefix: TFW, tapeSize: 100GiB}
        manifests:
          bucket: tapeflow-manifests
          endpoint: S3
        """
            .replace("TEMPORAL", temporal)
            .replace("LOCKS", gw.locks().toString())
            .replace("ARN", gw.gatewayArn())
            .replace("SGW", gw.emulator().endpoint().toString())
            .replace("CHANGER", gw.changerUri())
            .replace("S3", gw.emulator().s3Endpoint().toString());
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  /** Reconciles once more on a running worker's server, as a second start would. */
  static StartupReconciler.Result reconcileAgain(TapeflowConfig c, TemporalConnection t) {
    try (MediumChanger changer = gw.openChanger()) {
      return StartupReconciler.run(
          c,
          t.client(),
          gw.sgw(),
          Map.of("gw1", changer),
          new BaculaConsole(new BconsoleClient(c.bacula().bconsole())));
    }
  }

  @Test
  void aNewEmbeddedWorker_readoptsEveryTape_inItsStateAndPlace_andNothingTwice() throws Exception {
    TapeflowConfig c =
        ConfigReader.read(
            config(dir, gw, "{mode: embedded, devServer: {port: " + freePort() + "}}"), Map.of());
    for (int life = 1; life <= 2; life++) {
      try (TapeflowWorker w = TapeflowWorker.start(c, "")) {
        TapeSnapshot s = settled(w.temporal(), IN_SLOT, TapeState.ADOPTED);
        assertThat(s.record().location()).as("life %d", life).isEqualTo(Location.slot(slot));
        assertThat(s.waitingFor()).contains("operator");
        s = settled(w.temporal(), SHELVED, TapeState.ARCHIVED);
        assertThat(s.record().location()).isEqualTo(Location.shelf());
        assertThat(exists(w.temporal(), FOREIGN)).as("a barcode of no pool").isFalse();

        StartupReconciler.Result r = reconcileAgain(c, w.temporal());
        assertThat(r).isEqualTo(new StartupReconciler.Result(0, 2, 1, 0));
      }
    }
  }

  public static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public static boolean exists(TemporalConnection t, String barcode) {
    try {
      t.client().newUntypedWorkflowStub(TapeWorkflows.workflowId(barcode)).describe();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The tape's snapshot once it is in {@code state}, within a minute. */
  public static TapeSnapshot settled(TemporalConnection t, String barcode, TapeState state)
      throws InterruptedException {
    TapeWorkflow tape =
        t.client().newWorkflowStub(TapeWorkflow.class, TapeWorkflows.workflowId(barcode));
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    TapeSnapshot last = null;
    while (System.nanoTime() < end) {
      try {
        last = tape.snapshot();
        if (last.record().state() == state) {
          return last;
        }
      } catch (RuntimeException notYet) {
        // not started yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(barcode + " not in " + state + "; last " + last);
  }
}
