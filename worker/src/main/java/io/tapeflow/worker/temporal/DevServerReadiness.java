package io.tapeflow.worker.temporal;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** When a dev server is ready: its namespace answers over gRPC. */
final class DevServerReadiness {
  private DevServerReadiness() {}

  /** Waits until the namespace answers over gRPC, or fails with the log's last lines. */
  static void await(DevServerOptions o, ProcessHandle p) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(o.address())
                .setRpcTimeout(Duration.ofSeconds(2))
                .build());
    long deadline = System.nanoTime() + o.startTimeout().toNanos();
    try {
      while (true) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "the Temporal dev server exited during start; its log "
                  + o.logFile()
                  + " ends: "
                  + tail(o));
        }
        try {
          stubs
              .blockingStub()
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace(o.namespace()).build());
          return;
        } catch (io.grpc.StatusRuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the Temporal dev server on "
                    + o.address()
                    + " is not ready after "
                    + o.startTimeout().toSeconds()
                    + " s ("
                    + e.getStatus()
                    + "); log: "
                    + tail(o),
                e);
          }
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the Temporal dev server starts", e);
        }
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  static String tail(DevServerOptions o) {
    try {
      List<String> lines = Files.readAllLines(o.logFile(), StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
