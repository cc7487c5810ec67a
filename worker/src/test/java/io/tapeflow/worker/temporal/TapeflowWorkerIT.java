package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflow;
import io.tapeflow.workflows.gateway.WatcherSnapshot;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapeflow worker} from its config file, on the dev server, with the gateway emulator on
 * tgt: the changer that answers gets its queue, the one that does not is skipped, the gateway's
 * watcher runs; after a stop and a start on the same state folder the watcher is the same run.
 */
class TapeflowWorkerIT {
  @TempDir static Path dir;
  static EmulatedGateway gw;

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    // The AWS SDK's default credential chain reads these; the emulator accepts any key.
    System.setProperty("aws.accessKeyId", "AKIDTAPEFLOWTEST");
    System.setProperty("aws.secretAccessKey", "secret");
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

  TapeflowConfig config() throws Exception {
    return ConfigReader.read(writeConfig(dir, gw), Map.of());
  }

  /**
   * A config for the emulated gateway, a second gateway whose changer does not answer, and a dev
   * server on free ports, with its state under {@code dir}.
   */
  static Path writeConfig(Path dir, EmulatedGateway gw) throws Exception {
    String yaml =
        """
        temporal:
          mode: dev-server
          devServer: {binary: BIN, port: PORT, uiPort: UI}
        state: state
        locks: LOCKS
        gateways:
          - name: gw1
            arn: ARN
            region: us-east-1
            endpoint: SGW
            changer: CHANGER
            drives: [/dev/nst0, /dev/nst1]
          - name: gw2
            arn: arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-0000000F
            region: us-east-1
            endpoint: SGW
            changer: iscsi://127.0.0.1:DEAD/iqn.2025-01.io.tapeflow:nothing/0
            drives: [/dev/nst9]
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
            .replace("BIN", DevServerIT.binary().toString())
            .replace("PORT", Integer.toString(DevServerIT.freePort()))
            .replace("UI", Integer.toString(DevServerIT.freePort()))
            .replace("LOCKS", gw.locks().toString())
            .replace("ARN", gw.gatewayArn())
            .replace("SGW", gw.emulator().endpoint().toString())
            .replace("CHANGER", gw.changerUri())
            .replace("DEAD", Integer.toString(DevServerIT.freePort()))
            .replace("S3", gw.emulator().s3Endpoint().toString());
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  static WatcherSnapshot awaitWatcher(TapeflowWorker w, String gateway) throws Exception {
    return awaitWatcher(w.temporal(), gateway);
  }

  static WatcherSnapshot awaitWatcher(TemporalConnection t, String gateway) throws Exception {
    GatewayWatcherWorkflow watcher =
        t.client()
            .newWorkflowStub(
                GatewayWatcherWorkflow.class, GatewayWatcherWorkflow.workflowId(gateway));
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return watcher.snapshot();
      } catch (RuntimeException e) {
        assertThat(System.nanoTime()).as("watcher answers: %s", e).isLessThan(end);
        Thread.sleep(250);
      }
    }
  }

  @Test
  void worker_servesTheChangersThatAnswer_runsTheWatcher_andFindsItAgainAfterARestart()
      throws Exception {
    TapeflowConfig c = config();
    String runId;
    long serverPid;
    long t0 = System.nanoTime();
    try (TapeflowWorker w = TapeflowWorker.start(c, "")) {
      long started = (System.nanoTime() - t0) / 1_000_000;
      assertThat(w.changers()).containsExactly("gw1");
      assertThat(w.queues()).containsExactly("tapeflow", "bacula/dir1", "changer/gw1");
      assertThat(awaitWatcher(w, "gw1").gatewayName()).isEqualTo("gw1");
      runId =
          WorkflowStub.fromTyped(
                  w.temporal()
                      .client()
                      .newWorkflowStub(
                          GatewayWatcherWorkflow.class, GatewayWatcherWorkflow.workflowId("gw1")))
              .describe()
              .getExecution()
              .getRunId();
      serverPid = Long.parseLong(Files.readString(c.state().resolve("temporal.pid")).strip());
      System.out.printf("BENCH worker start (dev server included) %d ms%n", started);
    }
    assertThat(ProcessHandle.of(serverPid)).as("dev server stopped with the worker").isEmpty();
    try (TapeflowWorker w = TapeflowWorker.start(c, "")) {
      awaitWatcher(w, "gw1");
      assertThat(
              w.temporal()
                  .client()
                  .newUntypedWorkflowStub(GatewayWatcherWorkflow.workflowId("gw1"))
                  .describe()
                  .getExecution()
                  .getRunId())
          .as("the same watcher, kept in SQLite")
          .isEqualTo(runId);
    }
  }
}
