package io.tapeflow.worker.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole config file, read and validated once ({@link ConfigReader}); immutable.
 *
 * @param source the file and its keys' lines
 * @param temporal where the workflows live
 * @param state the state folder (the dev server's SQLite file, its pid file and log)
 * @param locks the host-wide changer locks' folder, shared with Bacula's storage daemon
 * @param spool where {@code tapeflow event job-end} leaves events for the worker
 * @param gateways the Tape Gateways, at least one
 * @param bacula the Director
 * @param pools the pools, at least one, each on a configured gateway
 * @param manifests where manifests go in S3
 * @param metrics where Prometheus metrics are served
 */
public record TapeflowConfig(
    ConfigSource source,
    TemporalConfig temporal,
    Path state,
    Path locks,
    Path spool,
    List<GatewayConfig> gateways,
    BaculaConfig bacula,
    List<PoolConfig> pools,
    ManifestsConfig manifests,
    InetSocketAddress metrics) {

  public TapeflowConfig {
    gateways = List.copyOf(gateways);
    pools = List.copyOf(pools);
  }

  /** The gateway with this name. */
  public Optional<GatewayConfig> gateway(String name) {
    return gateways.stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
