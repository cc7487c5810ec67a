package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal CLI's dev server as the worker runs it: the real server (from {@code
 * infra/bin/temporal-cli}, or {@code $TAPEFLOW_TEMPORAL_BIN}), SQLite in a private state folder,
 * free ports on 127.0.0.1. Prints its start time and memory (docs/benchmarks.md).
 */
class DevServerIT {
  @TempDir Path state;
  DevServerOptions options;

  @BeforeEach
  void options() throws IOException, InterruptedException {
    options =
        new DevServerOptions(
            binary(),
            state,
            freePort(),
            freePort(),
            "default",
            TapeSearchAttributes.definitions(),
            Duration.ofSeconds(60));
  }

  static Path binary() throws IOException, InterruptedException {
    String bin = System.getenv("TAPEFLOW_TEMPORAL_BIN");
    if (bin != null && !bin.isBlank()) {
      return Path.of(bin);
    }
    Path script =
        Path.of(System.getProperty("tapeflow.repo", "..")).resolve("infra/bin/temporal-cli");
    Process p =
        new ProcessBuilder(script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("infra/bin/temporal-cli").isZero();
    return Path.of(out);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String startTape(WorkflowClient client, String barcode, String state) {
    String id = "tape/" + barcode;
    WorkflowStub wf =
        client.newUntypedWorkflowStub(
            "TapeWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue("no-worker-polls-this")
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(TapeSearchAttributes.BARCODE, barcode)
                        .set(TapeSearchAttributes.STATE, state)
                        .build())
                .build());
    wf.start();
    return id;
  }

  static WorkflowExecutionStatus status(WorkflowClient client, String id) {
    return client.newUntypedWorkflowStub(id).describe().getStatus();
  }

  static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s for %s", limit, what).isLessThan(end);
      Thread.sleep(200);
    }
  }

  static long rssKiB(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  @Test
  void startsWithTheTapeAttributes_soTapesAreListedByState() throws Exception {
    try (DevServer server = DevServer.start(options);
        TemporalConnection t = TemporalConnection.target(server.address(), "default")) {
      assertThat(server.adopted()).isFalse();
      assertThat(Files.readString(options.pidFile()).strip())
          .isEqualTo(Long.toString(server.pid()));
      long idle = rssKiB(server.pid());
      assertThat(SearchAttributeRegistry.ensure(t)).as("registered at start").isEmpty();
      WorkflowClient client = t.client();
      startTape(client, "TFD00001", "SCRATCH");
      startTape(client, "TFD00002", "ARCHIVED");
      await(
          "the SCRATCH tape to be listed by TapeState",
          Duration.ofSeconds(30),
          () ->
              client
                  .listExecutions("TapeState = 'SCRATCH'")
                  .map(WorkflowExecutionMetadata::getExecution)
                  .map(e -> e.getWorkflowId())
                  .toList()
                  .equals(List.of("tape/TFD00001")));
      for (int i = 3; i <= 100; i++) {
        startTape(client, String.format("TFD%05d", i), "SCRATCH");
      }
      await(
          "100 tapes to be counted",
          Duration.ofSeconds(60),
          () -> client.countWorkflows("TapeBarcode STARTS_WITH 'TFD'").getCount() == 100);
      System.out.printf(
          "BENCH dev server start %d ms; RSS idle %d MiB, with 100 tape workflows %d MiB%n",
          server.lastStart().toMillis(), idle / 1024, rssKiB(server.pid()) / 1024);
    }
  }

  @Test
  void restartsTheServerKilledWithSigkill_andItStillHasTheWorkflow() throws Exception {
    try (DevServer server = DevServer.start(options);
        TemporalConnection t = TemporalConnection.target(server.address(), "default")) {
      String id = startTape(t.client(), "TFK00001", "SCRATCH");
      long first = server.pid();
      long killed = System.nanoTime();
      assertThat(ProcessHandle.of(first).orElseThrow().destroyForcibly()).isTrue();
      await("a new server", Duration.ofSeconds(90), () -> server.restarts() == 1);
      long back = (System.nanoTime() - killed) / 1_000_000;
      assertThat(server.pid()).isNotEqualTo(first);
      assertThat(Files.readString(options.pidFile()).strip())
          .isEqualTo(Long.toString(server.pid()));
      assertThat(status(t.client(), id))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      System.out.printf(
          "BENCH dev server back %d ms after kill -9 (start %d ms)%n",
          back, server.lastStart().toMillis());
    }
  }

  @Test
  void sqliteFile_keepsTheWorkflowAcrossStopAndStart() throws Exception {
    String id;
    long pid;
    try (DevServer server = DevServer.start(options);
        TemporalConnection t = TemporalConnection.target(server.address(), "default")) {
      id = startTape(t.client(), "TFS00001", "IN_SLOT");
      pid = server.pid();
    }
    assertThat(ProcessHandle.of(pid)).as("stopped").isEmpty();
    assertThat(options.pidFile()).doesNotExist();
    assertThat(options.database()).isNotEmptyFile();
    try (DevServer server = DevServer.start(options);
        TemporalConnection t = TemporalConnection.target(server.address(), "default")) {
      assertThat(server.adopted()).isFalse();
      assertThat(status(t.client(), id))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }
  }

  @Test
  void adoptsTheServerALostWorkerLeftRunning_andStopsItOnClose() throws Exception {
    // What a worker killed with -9 leaves: a running server and its pid file.
    Process orphan =
        new ProcessBuilder(options.command())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File(options.logFile().toString())))
            .start();
    try {
      DevServerReadiness.await(options, orphan.toHandle());
      DevServer.writePidFile(options, orphan.pid());
      try (DevServer server = DevServer.start(options)) {
        assertThat(server.adopted()).isTrue();
        assertThat(server.pid()).isEqualTo(orphan.pid());
        System.out.printf("BENCH dev server adopted in %d ms%n", server.lastStart().toMillis());
      }
      assertThat(orphan.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("stopped").isTrue();
    } finally {
      orphan.destroyForcibly();
    }
  }
}
