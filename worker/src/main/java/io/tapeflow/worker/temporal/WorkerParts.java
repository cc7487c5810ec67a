package io.tapeflow.worker.temporal;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.console.BconsoleClient;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.worker.config.GatewayConfig;
import io.tapeflow.worker.config.ManifestsConfig;
import io.tapeflow.worker.config.TapeflowConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;

/**
 * What the worker drives, outside Temporal: the Storage Gateway and S3 clients, the changers this
 * host reaches (by gateway name) and the Director's console. {@link #open} builds them from the
 * config; tests that start the real parts themselves pass their own.
 *
 * @param sgw the Storage Gateway API (AWS's default credential chain)
 * @param s3 S3, for manifests
 * @param changers the changers that answered, by gateway name; a gateway whose changer does not
 *     answer has none, and this worker serves no changer queue for it
 * @param console the Director's bconsole
 */
public record WorkerParts(
    StorageGatewayClient sgw,
    S3Client s3,
    Map<String, MediumChanger> changers,
    BaculaConsole console) {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerParts.class);

  public WorkerParts {
    Objects.requireNonNull(sgw, "sgw");
    Objects.requireNonNull(s3, "s3");
    changers = Map.copyOf(changers);
    Objects.requireNonNull(console, "console");
  }

  /**
   * Builds the clients and opens the changers; a changer that does not answer is skipped with a
   * warning. The gateways must share one region and endpoint (one Storage Gateway client).
   */
  public static WorkerParts open(TapeflowConfig c) {
    GatewayConfig first = c.gateways().get(0);
    for (GatewayConfig g : c.gateways()) {
      if (!g.region().equals(first.region()) || !g.endpoint().equals(first.endpoint())) {
        throw new IllegalArgumentException(
            "gateway "
                + g.name()
                + " is in another region or behind another endpoint than "
                + first.name()
                + ": one worker serves gateways of one region and endpoint");
      }
    }
    var sgw = StorageGatewayClient.builder().region(Region.of(first.region()));
    first.endpoint().ifPresent(sgw::endpointOverride);
    ManifestsConfig m = c.manifests();
    var s3 =
        S3Client.builder()
            .region(Region.of(m.region().orElse(first.region())))
            .forcePathStyle(m.endpoint().isPresent());
    m.endpoint().ifPresent(s3::endpointOverride);
    Map<String, MediumChanger> changers = new LinkedHashMap<>();
    for (GatewayConfig g : c.gateways()) {
      try {
        changers.put(g.name(), Changers.open(g.changer(), c.locks()));
      } catch (RuntimeException e) {
        LOG.warn(
            "gateway {}: changer {} does not answer ({}); this worker serves no changer queue"
                + " for it",
            g.name(),
            g.changer(),
            String.valueOf(e.getMessage()).replace('\n', ' '));
      }
    }
    return new WorkerParts(
        sgw.build(),
        s3.build(),
        changers,
        new BaculaConsole(new BconsoleClient(c.bacula().bconsole())));
  }

  /** Closes the changers and the clients. */
  void close() {
    changers.values().forEach(MediumChanger::close);
    sgw.close();
    s3.close();
  }
}
