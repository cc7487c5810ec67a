package io.tapeflow.activities.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tapeflow.workflows.common.Barcodes;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.tapeflow.workflows.manifest.ManifestCompletion;
import io.tapeflow.workflows.manifest.TapeManifest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tape manifests and the audit trail in one S3 bucket:
 *
 * <ul>
 *   <li>{@code <prefix>manifests/<BARCODE>.json}: one per archived tape (barcode, pool, jobs,
 *       clients, bytes, retention dates), so a restore can be planned without the catalog;
 *   <li>{@code <prefix>audit/<BARCODE>/<SEQ>-<STATE>.json}: one object per transition, never
 *       overwritten.
 * </ul>
 */
public final class ManifestActivitiesImpl implements ManifestActivities {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestActivitiesImpl.class);
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final ObjectMapper json;

  /**
   * @param bucket the bucket (it must exist)
   * @param prefix a key prefix ending in {@code /}, or empty
   */
  public ManifestActivitiesImpl(S3Client s3, String bucket, String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "manifest key prefix '"
              + prefix
              + "' is invalid: use path segments of A-Z a-z 0-9 . _ - each ending in /");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The key of a tape's manifest. */
  public String manifestKey(String barcode) {
    return prefix + "manifests/" + Barcodes.require(barcode) + ".json";
  }

  /** The key of one audit record. */
  public String auditKey(AuditRecord r) {
    return prefix
        + "audit/"
        + r.barcode()
        + "/"
        + String.format(Locale.ROOT, "%08d", r.seq())
        + "-"
        + r.to().name()
        + ".json";
  }

  @Override
  public String writeManifest(TapeManifest m) {
    String key = manifestKey(m.barcode().value());
    put(key, m);
    LOG.info("manifest of tape {} written to s3://{}/{}", m.barcode(), bucket, key);
    return key;
  }

  @Override
  public String completeManifest(ManifestCompletion c) {
    String key = manifestKey(c.barcode().value());
    TapeManifest m =
        read(key)
            .orElseGet(
                () ->
                    new TapeManifest(
                        c.barcode(),
                        c.gatewayName(),
                        c.poolId(),
                        c.storageClass(),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        0,
                        null,
                        null,
                        null,
                        null,
                        c.writtenAt()));
    put(key, m.completedBy(c));
    return key;
  }

  @Override
  public void appendAudit(List<AuditRecord> records) {
    for (AuditRecord r : records) {
      String key = auditKey(r);
      if (exists(key)) {
        continue;
      }
      put(key, r);
    }
  }

  private boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("HEAD s3://" + bucket + "/" + key, e);
    } catch (SdkException e) {
      throw failure("HEAD s3://" + bucket + "/" + key, e);
    }
  }

  private Optional<TapeManifest> read(String key) {
    try {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
      return Optional.of(json.readValue(bytes, TapeManifest.class));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw Failures.of(
          Failures.INVALID_INPUT,
          "s3://"
              + bucket
              + "/"
              + key
              + " is not a tapeflow manifest ("
              + e.getMessage()
              + "): move it aside and retry");
    } catch (SdkException e) {
      throw failure("GET s3://" + bucket + "/" + key, e);
    }
  }

  private void put(String key, Object value) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw Failures.of(
          Failures.INVALID_INPUT, "cannot write " + value + " as JSON: " + e.getMessage());
    }
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType("application/json"),
          RequestBody.fromBytes(body));
    } catch (SdkException e) {
      throw failure("PUT s3://" + bucket + "/" + key, e);
    }
  }

  /** S3 errors to failure types: a store that is down or slow is retried; a refusal is not. */
  static ApplicationFailure failure(String what, SdkException e) {
    if (e instanceof SdkClientException) {
      return Failures.of(
          Failures.MANIFEST_STORE_UNAVAILABLE,
          what + " failed: S3 could not be reached (" + e.getMessage() + ")");
    }
    if (e instanceof S3Exception s) {
      if (s.statusCode() >= 500 || s.statusCode() == 429) {
        return Failures.of(
            Failures.MANIFEST_STORE_UNAVAILABLE, what + " failed: " + s.getMessage());
      }
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      return Failures.of(
          Failures.INVALID_INPUT,
          what
              + " was refused ("
              + code
              + "): check that the bucket exists and that tapeflow may write to it ("
              + s.getMessage()
              + ")");
    }
    return Failures.of(Failures.MANIFEST_STORE_UNAVAILABLE, what + " failed: " + e.getMessage());
  }
}
