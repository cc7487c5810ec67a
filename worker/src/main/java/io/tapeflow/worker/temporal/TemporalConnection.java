package io.tapeflow.worker.temporal;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tapeflow.worker.config.ApiKey;
import io.tapeflow.worker.config.TemporalConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where tapeflow's workflows live: a Temporal cluster at an address (plaintext, mTLS or API key),
 * the Temporal CLI's dev server ({@link DevServer}), or an embedded server. The embedded one is the
 * Java test server in real-time mode, run in this JVM and bound to 127.0.0.1 only (the stock
 * port-bound server listens on every interface). It keeps nothing across a restart: tape workflows
 * are then started again as adopted tapes, placed by the ground truth (gateway, changer, Bacula
 * catalog).
 */
public final class TemporalConnection implements AutoCloseable {
  private final String address;
  private final String namespace;
  private final AutoCloseable server;
  private final WorkflowServiceStubs workflowService;
  private final OperatorServiceStubs operatorService;
  private final WorkflowClient client;

  private TemporalConnection(
      String address,
      String namespace,
      WorkflowServiceStubsOptions.Builder workflowOptions,
      OperatorServiceStubsOptions.Builder operatorOptions,
      AutoCloseable server) {
    this.address = address;
    this.namespace = namespace;
    this.server = server;
    this.workflowService =
        WorkflowServiceStubs.newServiceStubs(workflowOptions.setTarget(address).build());
    this.operatorService =
        OperatorServiceStubs.newServiceStubs(
            operatorOptions.setTarget(address).validateAndBuildWithDefaults());
    this.client =
        WorkflowClient.newInstance(
            workflowService, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  private static TemporalConnection plain(String address, String namespace, AutoCloseable server) {
    return new TemporalConnection(
        address,
        namespace,
        WorkflowServiceStubsOptions.newBuilder(),
        OperatorServiceStubsOptions.newBuilder(),
        server);
  }

  /**
   * Starts an embedded server on 127.0.0.1.
   *
   * @param port the port, or 0 for one chosen free now
   */
  public static TemporalConnection embedded(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("embedded Temporal port must be 0 to 65535, got " + port);
    }
    // true: real time (no time skipping), which is what a running system needs.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(loopback(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot start the embedded Temporal server on 127.0.0.1:"
              + port
              + " (is the port taken?)",
          e);
    }
    return plain(
        "127.0.0.1:" + server.getPort(),
        "default",
        () -> {
          server.shutdownNow();
          try {
            server.awaitTermination(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          services.close();
        });
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 is not an address", e);
    }
  }

  /**
   * Connects to a Temporal cluster.
   *
   * @param address {@code host:port} of its frontend
   * @param namespace the namespace tapeflow uses
   */
  public static TemporalConnection target(String address, String namespace) {
    return cluster(address, namespace, Optional.empty(), Optional.empty());
  }

  /**
   * Connects to a Temporal cluster or Temporal Cloud, with mTLS and/or an API key when given (see
   * {@link ClusterStubs}).
   */
  public static TemporalConnection cluster(
      String address, String namespace, Optional<TemporalConfig.Tls> tls, Optional<ApiKey> apiKey) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(namespace, "namespace");
    if (!address.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
      throw new IllegalArgumentException(
          "Temporal address '" + address + "' is not host:port (e.g. temporal.example.net:7233)");
    }
    return new TemporalConnection(
        address,
        namespace,
        ClusterStubs.secure(WorkflowServiceStubsOptions.newBuilder(), tls, apiKey),
        ClusterStubs.secure(OperatorServiceStubsOptions.newBuilder(), tls, apiKey),
        null);
  }

  /** Connects to a dev server it then owns: closing the connection stops the server. */
  public static TemporalConnection devServer(DevServer server, String namespace) {
    return plain(server.address(), namespace, server);
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs workflowService() {
    return workflowService;
  }

  public OperatorServiceStubs operatorService() {
    return operatorService;
  }

  public String namespace() {
    return namespace;
  }

  /** {@code host:port} of the frontend. */
  public String address() {
    return address;
  }

  /** Whether this connection runs its server (embedded, or a dev server it supervises). */
  public boolean ownsServer() {
    return server != null;
  }

  @Override
  public void close() {
    workflowService.shutdown();
    operatorService.shutdown();
    workflowService.awaitTermination(10, TimeUnit.SECONDS);
    operatorService.awaitTermination(10, TimeUnit.SECONDS);
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("stopping the Temporal server: " + e.getMessage(), e);
      }
    }
  }
}
