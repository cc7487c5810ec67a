package io.tapeflow.worker.config;

import io.tapeflow.changer.ChangerUri;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code gateways}: a Tape Gateway and the changer and drives this host reaches.
 *
 * @param name tapeflow's name for it (also its changer's task queue, {@code changer/NAME})
 * @param arn its ARN
 * @param region the AWS region of its API
 * @param endpoint an API endpoint override (an emulator, a VPC endpoint), if any
 * @param changer how this host reaches its medium changer; a CHAP secret comes from {@code
 *     chapSecretFile}, never from the YAML
 * @param drives the drives' device paths for Bacula's storage daemon, in element order
 */
public record GatewayConfig(
    String name,
    GatewayArn arn,
    String region,
    Optional<URI> endpoint,
    ChangerUri changer,
    List<Path> drives) {
  public GatewayConfig {
    drives = List.copyOf(drives);
  }
}
