package io.tapeflow.worker.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code temporal}. */
final class TemporalSection {
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  private TemporalSection() {}

  static Optional<TemporalConfig> read(
      Optional<Section> section, Path base, Map<String, String> env) {
    if (section.isEmpty()) {
      return Optional.of(
          new TemporalConfig(
              TemporalMode.DEV_SERVER,
              Optional.empty(),
              "default",
              Optional.empty(),
              Optional.empty(),
              devServerDefaults()));
    }
    Section s = section.get();
    int before = s.problems().count();
    TemporalMode mode =
        s.value("mode", false, "", TemporalMode::parse).orElse(TemporalMode.DEV_SERVER);
    boolean cluster = mode == TemporalMode.CLUSTER;
    Optional<String> address =
        s.value("address", cluster, "host:port of the cluster's frontend", Values::hostPort);
    String namespace =
        s.value(
                "namespace",
                false,
                "",
                n -> {
                  if (!NAMESPACE.matcher(n).matches()) {
                    throw new IllegalArgumentException(
                        "'" + n + "' is not a namespace name (letters, digits, . _ -)");
                  }
                  return n;
                })
            .orElse("default");
    Optional<TemporalConfig.Tls> tls = s.section("tls", false).flatMap(t -> tls(t, base));
    Optional<ApiKey> apiKey = apiKey(s, base, env);
    if (!cluster) {
      for (String key : new String[] {"address", "tls", "apiKeyFile", "apiKeyEnv"}) {
        if (s.has(key)) {
          s.error(key, "only used when mode is cluster (mode is " + mode.configName() + ")");
        }
      }
    }
    TemporalConfig.DevServer dev =
        s.section("devServer", false).map(d -> devServer(d, base)).orElse(devServerDefaults());
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(new TemporalConfig(mode, address, namespace, tls, apiKey, dev));
  }

  private static Optional<TemporalConfig.Tls> tls(Section t, Path base) {
    int before = t.problems().count();
    Optional<Path> cert = t.value("cert", false, "", v -> Values.readableFile(base, v));
    Optional<Path> key = t.value("key", false, "", v -> Values.readableFile(base, v));
    Optional<Path> ca = t.value("ca", false, "", v -> Values.readableFile(base, v));
    if (t.has("cert") && !t.has("key")) {
      t.error("key", "missing: the client certificate's private key (PKCS#8 PEM)");
    } else if (t.has("key") && !t.has("cert")) {
      t.error("cert", "missing: the client certificate (PEM) of this key");
    } else if (!t.has("cert") && !t.has("ca")) {
      t.problems().add(t.line("cert"), t.path("cert"), "missing: give cert and key (mTLS), or ca");
    }
    t.finish();
    return t.problems().count() > before
        ? Optional.empty()
        : Optional.of(new TemporalConfig.Tls(cert, key, ca));
  }

  private static Optional<ApiKey> apiKey(Section s, Path base, Map<String, String> env) {
    Optional<ApiKey> file =
        s.value("apiKeyFile", false, "", v -> ApiKey.fromFile(Values.readableFile(base, v)));
    Optional<ApiKey> variable =
        s.value(
            "apiKeyEnv",
            false,
            "",
            v -> {
              String key = env.get(v);
              if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(
                    "the environment variable " + v + " is not set or empty");
              }
              return ApiKey.fromEnvironment(v, key);
            });
    if (s.has("apiKeyFile") && s.has("apiKeyEnv")) {
      s.error("apiKeyEnv", "give apiKeyFile or apiKeyEnv, not both");
      return Optional.empty();
    }
    return file.or(() -> variable);
  }

  private static TemporalConfig.DevServer devServer(Section d, Path base) {
    Optional<Path> binary = d.value("binary", false, "", v -> Values.path(base, v));
    int port = d.integer("port", TemporalConfig.DevServer.DEFAULT_PORT, 1, 65535);
    int uiPort = d.integer("uiPort", TemporalConfig.DevServer.DEFAULT_UI_PORT, 1, 65535);
    if (port == uiPort) {
      d.error("uiPort", "is the same as port " + port + ": give the Web UI its own port");
    }
    d.finish();
    return new TemporalConfig.DevServer(binary, port, uiPort);
  }

  private static TemporalConfig.DevServer devServerDefaults() {
    return new TemporalConfig.DevServer(
        Optional.empty(),
        TemporalConfig.DevServer.DEFAULT_PORT,
        TemporalConfig.DevServer.DEFAULT_UI_PORT);
  }
}
