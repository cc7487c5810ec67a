package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.ConfigReaderTest;
import io.tapeflow.worker.config.TapeflowConfig;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code temporal.mode: cluster} from the YAML file to the wire: a Temporal test server behind TLS
 * (certificates made with openssl for this test) records, per call, the client certificate and the
 * authorization header it received.
 */
class ClusterConnectionTest {
  @TempDir static Path dir;
  static TestServicesStarter services;
  static Server server;
  static final List<String> clientCerts = new CopyOnWriteArrayList<>();
  static final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void tlsServer() throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=tapeflow-test-ca");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    for (String who : List.of("server", "client")) {
      openssl(
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-keyout",
          who + ".key",
          "-out",
          who + ".csr",
          "-subj",
          "/CN=tapeflow-" + who);
      openssl(
          "x509",
          "-req",
          "-in",
          who + ".csr",
          "-CA",
          "ca.pem",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-out",
          who + ".pem",
          "-days",
          "2",
          "-extfile",
          "san.ext");
    }
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder b =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sslContext(
                GrpcSslContexts.forServer(
                        dir.resolve("server.pem").toFile(), dir.resolve("server.key").toFile())
                    .trustManager(dir.resolve("ca.pem").toFile())
                    .clientAuth(ClientAuth.OPTIONAL)
                    .build())
            .intercept(new Recorder());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), b);
    server = b.build().start();
  }

  static void openssl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("openssl %s: %s", args[0], out).isZero();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      services.close();
    }
  }

  @BeforeEach
  void forget() {
    clientCerts.clear();
    authorizations.clear();
  }

  TemporalConnection connect(String temporalYaml, Map<String, String> env) throws IOException {
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(
        f,
        ConfigReaderTest.VALID.replace(
            "temporal:\n  mode: dev-server\n  devServer:\n    port: 7233\n",
            temporalYaml.replace("ADDRESS", "127.0.0.1:" + server.getPort())));
    TapeflowConfig c = ConfigReader.read(f, env);
    return TemporalModes.connect(c.temporal(), dir.resolve("state"), "");
  }

  static void call(TemporalConnection c) {
    c.workflowService()
        .blockingStub()
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
  }

  @Test
  void mutualTls_presentsTheClientCertificate_andVerifiesTheServersAgainstTheCa()
      throws IOException {
    try (TemporalConnection c =
        connect(
            """
            temporal:
              mode: cluster
              address: ADDRESS
              tls:
                cert: client.pem
                key: client.key
                ca: ca.pem
            """,
            Map.of())) {
      call(c);
    }
    assertThat(clientCerts).isNotEmpty().allMatch(s -> s.contains("CN=tapeflow-client"));
    assertThat(authorizations).isEmpty();
  }

  @Test
  void apiKey_isSentAsABearerToken_overTls() throws IOException {
    Files.writeString(dir.resolve("api.key"), "k3y-from-a-file\n");
    try (TemporalConnection c =
        connect(
            """
            temporal:
              mode: cluster
              address: ADDRESS
              tls:
                ca: ca.pem
              apiKeyFile: api.key
            """,
            Map.of())) {
      call(c);
    }
    assertThat(authorizations).isNotEmpty().allMatch("Bearer k3y-from-a-file"::equals);
    assertThat(clientCerts).containsOnly("none");
  }

  @Test
  void apiKey_withoutTheServersCa_isRefusedByTheTlsHandshake() {
    assertThatThrownBy(
            () ->
                connect(
                    "temporal:\n  mode: cluster\n  address: ADDRESS\n  apiKeyEnv: TF_KEY\n",
                    Map.of("TF_KEY", "k3y-from-env")))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("UNAVAILABLE");
    assertThat(authorizations).isEmpty();
  }

  /** Records what each call brought: its client certificate's subject and its bearer token. */
  static final class Recorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      String cert;
      try {
        cert =
            session == null
                ? "plaintext"
                : ((X509Certificate) session.getPeerCertificates()[0])
                    .getSubjectX500Principal()
                    .getName();
      } catch (SSLPeerUnverifiedException e) {
        cert = "none";
      }
      clientCerts.add(cert);
      String auth = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
      if (auth != null) {
        authorizations.add(auth);
      }
      return next.startCall(call, headers);
    }
  }
}
