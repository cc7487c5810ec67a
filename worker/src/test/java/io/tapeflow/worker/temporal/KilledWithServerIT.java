package io.tapeflow.worker.temporal;

import static io.tapeflow.worker.adopt.EmbeddedReadoptionIT.IN_SLOT;
import static io.tapeflow.worker.adopt.EmbeddedReadoptionIT.SHELVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.worker.adopt.EmbeddedReadoptionIT;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.workflows.lifecycle.Location;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.tape.TapeWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapeflow worker} on the dev server, both killed with -9 at once: the next worker starts a
 * new server on the same SQLite file, every tape workflow resumes there (same run, same state), and
 * its reconciliation adopts nothing twice.
 */
class KilledWithServerIT {
  @TempDir static Path dir;
  static EmulatedGateway gw;
  static int slot;

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    slot = EmbeddedReadoptionIT.placeTapes(gw);
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

  @Test
  void workerAndServerKilledTogether_theWorkflowsResumeFromSqlite_andNothingIsAdoptedTwice()
      throws Exception {
    String temporal =
        "{mode: dev-server, devServer: {binary: BIN, port: %d, uiPort: %d}}"
            .replace("BIN", DevServerIT.binary().toString())
            .formatted(DevServerIT.freePort(), DevServerIT.freePort());
    Path f = EmbeddedReadoptionIT.config(dir, gw, temporal);
    TapeflowConfig c = ConfigReader.read(f, Map.of());
    String address = "127.0.0.1:" + c.temporal().devServer().port();

    Process first = WorkerProcessIT.worker(f, 11);
    long server;
    String inSlotRun;
    String shelvedRun;
    try (TemporalConnection t = WorkerProcessIT.awaitServer(c, first, address)) {
      EmbeddedReadoptionIT.settled(t, IN_SLOT, TapeState.ADOPTED);
      EmbeddedReadoptionIT.settled(t, SHELVED, TapeState.ARCHIVED);
      inSlotRun = runId(t, IN_SLOT);
      shelvedRun = runId(t, SHELVED);
      server = WorkerProcessIT.serverPid(c);
    }
    assertThat(Files.readString(WorkerProcessIT.log(11)))
        .contains("reconcile: adopted 2, already running 0");

    // kill -9 of both, at once
    ProcessHandle.of(server).orElseThrow().destroyForcibly();
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    DevServerIT.await(
        "the killed server gone", Duration.ofSeconds(20), () -> ProcessHandle.of(server).isEmpty());

    Process second = WorkerProcessIT.worker(f, 12);
    try {
      DevServerIT.await(
          "a new dev server",
          Duration.ofSeconds(90),
          () -> {
            assertThat(second.isAlive()).as("worker running").isTrue();
            return quietly(() -> WorkerProcessIT.serverPid(c) != server);
          });
      DevServerIT.await(
          "the reconciliation",
          Duration.ofSeconds(90),
          () ->
              quietly(
                  () -> Files.readString(WorkerProcessIT.log(12)).contains("reconcile: adopted")));
      assertThat(Files.readString(WorkerProcessIT.log(12)))
          .as("nothing adopted twice")
          .contains("reconcile: adopted 0, already running 2, not in a pool 1");
      try (TemporalConnection t = TemporalConnection.target(address, "default")) {
        assertThat(EmbeddedReadoptionIT.settled(t, IN_SLOT, TapeState.ADOPTED).record().location())
            .isEqualTo(Location.slot(slot));
        assertThat(EmbeddedReadoptionIT.settled(t, SHELVED, TapeState.ARCHIVED).record().location())
            .isEqualTo(Location.shelf());
        assertThat(runId(t, IN_SLOT)).as("the same run, from SQLite").isEqualTo(inSlotRun);
        assertThat(runId(t, SHELVED)).isEqualTo(shelvedRun);
      }
    } finally {
      second.destroy(); // SIGTERM
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("worker stops on SIGTERM").isTrue();
    }
  }

  interface Check {
    boolean test() throws Exception;
  }

  /** A check whose failure to read (a file not there yet) counts as not yet. */
  static boolean quietly(Check check) {
    try {
      return check.test();
    } catch (Exception notYet) {
      return false;
    }
  }

  static String runId(TemporalConnection t, String barcode) {
    return t.client()
        .newUntypedWorkflowStub(TapeWorkflows.workflowId(barcode))
        .describe()
        .getExecution()
        .getRunId();
  }
}
