package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.workflows.gateway.GatewayWatcherWorkflow;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapeflow worker} as its own process on the dev server: killed with -9 it leaves the server
 * and its workflows running, and the next worker adopts them; SIGTERM stops the worker and the
 * server. Prints the worker's start time and memory (docs/benchmarks.md).
 */
class WorkerProcessIT {
  @TempDir static Path dir;
  static EmulatedGateway gw;

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

  static Process worker(Path config, int n) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.tapeflow.worker.cli.TapeflowMain",
                "worker",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File(log(n).toString()));
    pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDTAPEFLOWTEST");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
    return pb.start();
  }

  /** The worker's output, kept under target/ for a look after the run. */
  static Path log(int n) {
    return Path.of("target", "WorkerProcessIT-worker-" + n + ".log");
  }

  static long serverPid(TapeflowConfig c) throws Exception {
    return Long.parseLong(Files.readString(c.state().resolve("temporal.pid")).strip());
  }

  @Test
  void killedWorker_leavesTheServerRunning_theNextAdoptsIt_andSigtermStopsBoth() throws Exception {
    Path f = TapeflowWorkerIT.writeConfig(dir, gw);
    TapeflowConfig c = ConfigReader.read(f, Map.of());
    String address = "127.0.0.1:" + c.temporal().devServer().port();

    long t0 = System.nanoTime();
    Process first = worker(f, 1);
    long server;
    String runId;
    try (TemporalConnection t = awaitServer(c, first, address)) {
      TapeflowWorkerIT.awaitWatcher(t, "gw1");
      long startMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "BENCH worker process start to watcher answering %d ms; worker RSS %d MiB, dev server"
              + " RSS %d MiB%n",
          startMs, DevServerIT.rssKiB(first.pid()) / 1024, DevServerIT.rssKiB(serverPid(c)) / 1024);
      server = serverPid(c);
      runId = describeRunId(t);
    }

    first.destroyForcibly(); // kill -9
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(server)).as("the server outlives a killed worker").isPresent();

    Process second = worker(f, 2);
    try (TemporalConnection t = awaitServer(c, second, address)) {
      TapeflowWorkerIT.awaitWatcher(t, "gw1");
      assertThat(serverPid(c)).as("adopted, not started again").isEqualTo(server);
      assertThat(describeRunId(t)).isEqualTo(runId);
      assertThat(Files.readString(log(2)))
          .contains("adopted the Temporal dev server pid " + server);
    }

    second.destroy(); // SIGTERM
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("worker stops on SIGTERM").isTrue();
    assertThat(ProcessHandle.of(server)).as("and stops the server").isEmpty();
    assertThat(c.state().resolve("temporal.pid")).doesNotExist();
    assertThat(Files.readString(log(2))).contains("tapeflow worker stopping");
  }

  static String describeRunId(TemporalConnection t) {
    return t.client()
        .newUntypedWorkflowStub(GatewayWatcherWorkflow.workflowId("gw1"))
        .describe()
        .getExecution()
        .getRunId();
  }

  /** A client of the worker's dev server, once the worker has started it. */
  static TemporalConnection awaitServer(TapeflowConfig c, Process worker, String address)
      throws Exception {
    DevServerIT.await(
        "the worker's dev server",
        java.time.Duration.ofSeconds(90),
        () -> {
          assertThat(worker.isAlive()).as("worker running").isTrue();
          return Files.exists(c.state().resolve("temporal.pid"));
        });
    return TemporalConnection.target(address, "default");
  }
}
