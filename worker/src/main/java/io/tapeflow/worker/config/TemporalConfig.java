package io.tapeflow.worker.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code temporal}: which server holds the workflows and how to reach it.
 *
 * @param mode dev-server (default), cluster or embedded
 * @param address {@code host:port} of a cluster's frontend; only for {@link TemporalMode#CLUSTER}
 * @param namespace the namespace (default {@code default})
 * @param tls client certificate, key and CA for mTLS, if configured
 * @param apiKey where the API key is kept, if configured
 * @param devServer how to run the dev server
 */
public record TemporalConfig(
    TemporalMode mode,
    Optional<String> address,
    String namespace,
    Optional<Tls> tls,
    Optional<ApiKey> apiKey,
    DevServer devServer) {

  public TemporalConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(devServer, "devServer");
  }

  /**
   * TLS files (PEM): a client certificate and key for mTLS, and/or the CA of the server's
   * certificate (e.g. a private cluster reached with an API key).
   *
   * @param cert the client certificate chain; present exactly when {@code key} is
   * @param key the client's PKCS#8 private key
   * @param ca the CA that signed the server's certificate; the JVM's trust store when empty
   */
  public record Tls(Optional<Path> cert, Optional<Path> key, Optional<Path> ca) {
    public Tls {
      if (cert.isPresent() != key.isPresent()) {
        throw new IllegalArgumentException(
            "a client certificate needs its key, and a key its certificate");
      }
    }

    /** Whether the client presents a certificate. */
    public boolean mutual() {
      return cert.isPresent();
    }
  }

  /**
   * {@code temporal.devServer}.
   *
   * @param binary the {@code temporal} CLI; looked up on PATH when empty
   * @param port the gRPC port on 127.0.0.1 (7233)
   * @param uiPort the Web UI's port on 127.0.0.1 (8233)
   */
  public record DevServer(Optional<Path> binary, int port, int uiPort) {
    public static final int DEFAULT_PORT = 7233;
    public static final int DEFAULT_UI_PORT = 8233;
  }
}
