package io.tapeflow.worker.config;

import java.net.URI;
import java.util.Optional;

/**
 * {@code manifests}: where each archived tape's manifest and the audit trail are written in S3.
 *
 * @param bucket the bucket
 * @param prefix a key prefix, empty or ending in '/'
 * @param endpoint an S3 endpoint override (S3Proxy, a VPC endpoint), if any
 * @param region the bucket's region; the first gateway's when not given
 */
public record ManifestsConfig(
    String bucket, String prefix, Optional<URI> endpoint, Optional<String> region) {}
