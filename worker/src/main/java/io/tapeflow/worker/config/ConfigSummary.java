package io.tapeflow.worker.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one-screen summary {@code tapeflow config check} prints for a valid file. No secrets. */
public final class ConfigSummary {
  private ConfigSummary() {}

  /**
   * The summary's lines.
   *
   * @param answers each probed changer's description by gateway name; empty when not probed
   */
  public static List<String> lines(TapeflowConfig c, Optional<Map<String, String>> answers) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    out.add(c.source().file() + ": valid");
    out.add("temporal   " + temporal(c.temporal(), c));
    out.add("state      " + c.state() + "  (locks " + c.locks() + ", spool " + c.spool() + ")");
    for (GatewayConfig g : c.gateways()) {
      out.add(
          "gateway    "
              + g.name()
              + "  "
              + g.arn()
              + g.endpoint().map(e -> "  endpoint " + e).orElse(""));
      String heard =
          answers
              .map(a -> a.containsKey(g.name()) ? "answered: " + a.get(g.name()) : "not probed")
              .orElse("not probed (--no-probe)");
      out.add("  changer  " + g.changer() + "  (" + heard + ")");
      out.add("  drives   " + g.drives().size() + ": " + g.drives());
    }
    BaculaConfig b = c.bacula();
    out.add(
        "bacula     director "
            + b.director()
            + ", storage "
            + b.storage()
            + ", bconsole "
            + b.bconsole().executable()
            + " -c "
            + b.bconsole().config()
            + ", restore job "
            + b.restoreJob()
            + b.restoreWhere().map(w -> " to " + w).orElse(""));
    for (PoolConfig p : c.pools()) {
      out.add(
          "pool       "
              + p.name()
              + " on "
              + p.gateway()
              + " → "
              + p.shelf()
              + ", barcodes "
              + p.barcodePrefix()
              + "…, "
              + (p.tapeSizeBytes() >> 30)
              + " GiB tapes");
    }
    ManifestsConfig m = c.manifests();
    out.add(
        "manifests  s3://"
            + m.bucket()
            + "/"
            + m.prefix()
            + m.endpoint().map(e -> "  endpoint " + e).orElse(""));
    out.add(
        "metrics    http://"
            + c.metrics().getHostString()
            + ":"
            + c.metrics().getPort()
            + "/metrics");
    return out;
  }

  private static String temporal(TemporalConfig t, TapeflowConfig c) {
    String ns = ", namespace " + t.namespace();
    return switch (t.mode()) {
      case DEV_SERVER ->
          "dev-server"
              + ns
              + ", gRPC 127.0.0.1:"
              + t.devServer().port()
              + ", UI http://127.0.0.1:"
              + t.devServer().uiPort()
              + ", SQLite "
              + c.state().resolve("temporal.db")
              + ", binary "
              + t.devServer().binary().map(Object::toString).orElse("temporal (on PATH)");
      case CLUSTER ->
          "cluster "
              + t.address().orElse("?")
              + ns
              + t.tls()
                  .map(x -> x.cert().map(cert -> ", mTLS with " + cert).orElse(", TLS"))
                  .orElse("")
              + t.apiKey().map(k -> ", API key from " + k).orElse("")
              + (t.tls().isEmpty() && t.apiKey().isEmpty() ? ", plaintext" : "");
      case EMBEDDED -> "embedded (Java test server in the worker, keeps nothing)" + ns;
    };
  }
}
