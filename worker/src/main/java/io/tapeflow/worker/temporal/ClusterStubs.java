package io.tapeflow.worker.temporal;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.tapeflow.worker.config.ApiKey;
import io.tapeflow.worker.config.TemporalConfig;
import io.temporal.serviceclient.ServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How the service stubs reach a cluster: mTLS with the configured client certificate (and CA), or
 * an API key sent as a bearer token over TLS (the configured CA, else the JVM's trust store), or
 * both; plaintext only when neither is configured.
 */
final class ClusterStubs {
  private ClusterStubs() {}

  static <B extends ServiceStubsOptions.Builder<B>> B secure(
      B builder, Optional<TemporalConfig.Tls> tls, Optional<ApiKey> apiKey) {
    if (tls.isPresent()) {
      builder.setSslContext(sslContext(tls.get()));
    } else if (apiKey.isPresent()) {
      builder.setEnableHttps(true);
    }
    apiKey.ifPresent(k -> builder.addApiKey(k::read));
    return builder;
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(
      TemporalConfig.Tls tls) {
    try {
      SslContextBuilder b = GrpcSslContexts.forClient();
      if (tls.mutual()) {
        b.keyManager(tls.cert().orElseThrow().toFile(), tls.key().orElseThrow().toFile());
      }
      tls.ca().ifPresent(ca -> b.trustManager(ca.toFile()));
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the TLS context from " + tls, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS files "
              + tls
              + " (PEM certificates, a PKCS#8 PEM key): "
              + e.getMessage(),
          e);
    }
  }
}
