package io.tapeflow.infra.emulator.shelf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Virtual Tape Shelf as objects in an S3 bucket: a tape's data lives under {@code
 * tapes/<BARCODE>/<part>} ({@code data} is the tape's data file; {@code image} is the library's own
 * tape image when it keeps one).
 */
public final class Shelf implements AutoCloseable {
  /** The part holding the tape's data file. */
  public static final String DATA = "data";

  /** The part holding the library's tape image. */
  public static final String IMAGE = "image";

  private final S3Client s3;
  private final String bucket;

  /** Uses {@code bucket} through {@code s3}; the client is closed with the shelf. */
  public Shelf(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** A shelf on any S3 endpoint, path-style, region us-east-1, with these credentials. */
  public static Shelf connect(URI endpoint, String bucket, AwsCredentialsProvider credentials) {
    S3Client s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .forcePathStyle(true)
            .build();
    return new Shelf(s3, bucket);
  }

  /** Placeholder credentials, for S3 servers that accept any (the embedded S3Proxy). */
  public static AwsCredentialsProvider anyCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("tapeflow", "tapeflow"));
  }

  /** The bucket's name. */
  public String bucket() {
    return bucket;
  }

  /** The key of a tape's part. */
  public static String key(String barcode, String part) {
    return "tapes/" + barcode + "/" + part;
  }

  /** Creates the bucket if it does not exist. */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception missing) {
      try {
        s3.createBucket(b -> b.bucket(bucket));
      } catch (BucketAlreadyOwnedByYouException alreadyThere) {
        // created meanwhile: fine
      }
    }
  }

  /** Stores a file as a tape's part (replacing an older copy). */
  public void put(String barcode, String part, Path file) {
    s3.putObject(b -> b.bucket(bucket).key(key(barcode, part)), RequestBody.fromFile(file));
  }

  /**
   * Fetches a tape's part into {@code target} (through a temporary file beside it).
   *
   * @return false when the shelf has no such part
   */
  public boolean get(String barcode, String part, Path target) {
    Path temp = target.resolveSibling("." + target.getFileName() + ".download");
    try {
      Files.deleteIfExists(temp);
      s3.getObject(b -> b.bucket(bucket).key(key(barcode, part)), temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Deletes every part of a tape. */
  public void delete(String barcode) {
    List<ObjectIdentifier> keys = new ArrayList<>();
    for (S3Object o :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("tapes/" + barcode + "/"))
            .contents()) {
      keys.add(ObjectIdentifier.builder().key(o.key()).build());
    }
    for (ObjectIdentifier k : keys) {
      s3.deleteObject(b -> b.bucket(bucket).key(k.key()));
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
