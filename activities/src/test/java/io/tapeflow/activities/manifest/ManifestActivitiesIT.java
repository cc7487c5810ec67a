package io.tapeflow.activities.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.infra.emulator.shelf.EmbeddedS3;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.lifecycle.TapeState;
import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.tapeflow.workflows.manifest.ManifestCompletion;
import io.tapeflow.workflows.manifest.TapeManifest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Manifests and the audit trail in a real S3 (S3Proxy, filesystem backend, on 127.0.0.1). */
class ManifestActivitiesIT {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir static Path dir;
  static EmbeddedS3 store;
  static S3Client s3;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(
              new ManifestActivitiesImpl(s3, "tapeflow-manifests", "site1/"))
          .build();

  @BeforeAll
  static void start() {
    store = EmbeddedS3.start(dir.resolve("s3"));
    s3 =
        S3Client.builder()
            .endpointOverride(store.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(EmulatedGateway.CREDENTIALS)
            .forcePathStyle(true)
            .build();
    s3.createBucket(b -> b.bucket("tapeflow-manifests"));
  }

  @AfterAll
  static void stop() {
    s3.close();
    store.close();
  }

  private final java.util.List<io.temporal.testing.TestActivityEnvironment> others =
      new java.util.ArrayList<>();

  /** Another implementation, in an environment of its own (the extension's holds the first). */
  private ManifestActivities activitiesOf(ManifestActivitiesImpl impl) {
    io.temporal.testing.TestActivityEnvironment e =
        io.temporal.testing.TestActivityEnvironment.newInstance();
    others.add(e);
    e.registerActivitiesImplementations(impl);
    return e.newActivityStub(
        ManifestActivities.class,
        io.temporal.activity.ActivityOptions.newBuilder()
            .setStartToCloseTimeout(java.time.Duration.ofMinutes(1))
            .setRetryOptions(
                io.temporal.common.RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @org.junit.jupiter.api.AfterEach
  void closeOthers() {
    others.forEach(io.temporal.testing.TestActivityEnvironment::close);
  }

  private static String object(String key) {
    return s3.getObjectAsBytes(b -> b.bucket("tapeflow-manifests").key(key))
        .asString(StandardCharsets.UTF_8);
  }

  @Test
  void manifest_isWritten_thenCompletedWithTheArchiveDate(ManifestActivities a) {
    TapeManifest m =
        new TapeManifest(
            Barcode.of("TAPM0001"),
            "gw1",
            "DEEP_ARCHIVE",
            StorageClass.DEEP_ARCHIVE,
            "Offsite",
            "dir1",
            List.of(new JobOnVolume(7, "BackupClient1", "client1-fd", "F", 1000, 3, AT)),
            List.of("client1-fd"),
            1000,
            null,
            AT,
            null,
            null,
            AT);
    String key = a.writeManifest(m);
    assertThat(key).isEqualTo("site1/manifests/TAPM0001.json");
    assertThat(object(key))
        .contains("\"client1-fd\"")
        .contains("\"lastWrittenAt\" : \"2026-03-01T10:00:00Z\"");

    Instant archived = AT.plusSeconds(3600);
    a.completeManifest(
        new ManifestCompletion(
            Barcode.of("TAPM0001"),
            "gw1",
            "DEEP_ARCHIVE",
            StorageClass.DEEP_ARCHIVE,
            archived,
            archived.plusSeconds(180L * 86400),
            AT));
    String done = object(key);
    assertThat(done)
        .contains("\"archivedAt\" : \"2026-03-01T11:00:00Z\"")
        .contains("BackupClient1");
    assertThat(done).contains("minimumStorageUntil");
  }

  @Test
  void completeManifest_ofATapeWithoutOne_writesWhatIsKnown(ManifestActivities a) {
    a.completeManifest(
        new ManifestCompletion(
            Barcode.of("TAPM0002"), "gw1", "GLACIER", StorageClass.GLACIER, AT, AT, AT));
    assertThat(object("site1/manifests/TAPM0002.json")).contains("\"jobs\" : [ ]");
  }

  @Test
  void audit_isAppendOnly_aRepeatedRecordIsNotRewritten(ManifestActivities a) {
    AuditRecord first =
        new AuditRecord(
            Barcode.of("TAPM0003"),
            1,
            TapeState.REQUESTED,
            TapeState.CREATING,
            AT,
            "created",
            null,
            "tape/TAPM0003",
            "run-1");
    a.appendAudit(List.of(first));
    AuditRecord forged =
        new AuditRecord(
            Barcode.of("TAPM0003"),
            1,
            TapeState.REQUESTED,
            TapeState.CREATING,
            AT,
            "rewritten",
            null,
            "tape/TAPM0003",
            "run-2");
    a.appendAudit(
        List.of(
            forged,
            new AuditRecord(
                Barcode.of("TAPM0003"),
                2,
                TapeState.CREATING,
                TapeState.IN_IE_SLOT,
                AT,
                "available",
                null,
                "tape/TAPM0003",
                "run-1")));
    assertThat(object("site1/audit/TAPM0003/00000001-CREATING.json"))
        .contains("\"created\"")
        .doesNotContain("rewritten");
    assertThat(object("site1/audit/TAPM0003/00000002-IN_IE_SLOT.json")).contains("available");
  }

  @Test
  void missingBucket_isRefusedNotRetried() {
    ManifestActivities a = activitiesOf(new ManifestActivitiesImpl(s3, "no-such-bucket", ""));
    Throwable t =
        catchThrowable(
            () ->
                a.appendAudit(
                    List.of(
                        new AuditRecord(
                            Barcode.of("TAPM0004"),
                            1,
                            TapeState.REQUESTED,
                            TapeState.CREATING,
                            AT,
                            "x",
                            null,
                            "w",
                            "r"))));
    assertThat(t).isInstanceOf(ActivityFailure.class);
    ApplicationFailure f = (ApplicationFailure) t.getCause();
    assertThat(f.getType()).isEqualTo(Failures.INVALID_INPUT);
    assertThat(f.getOriginalMessage())
        .contains("no-such-bucket")
        .contains("check that the bucket exists");
  }

  @Test
  void unreachableStore_failsRetryably() {
    S3Client nowhere =
        S3Client.builder()
            .endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
            .region(Region.US_EAST_1)
            .credentialsProvider(EmulatedGateway.CREDENTIALS)
            .forcePathStyle(true)
            .build();
    ManifestActivities a = activitiesOf(new ManifestActivitiesImpl(nowhere, "b", ""));
    Throwable t =
        catchThrowable(
            () ->
                a.writeManifest(
                    new TapeManifest(
                        Barcode.of("TAPM0005"),
                        "gw1",
                        "GLACIER",
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null,
                        AT)));
    ApplicationFailure f = (ApplicationFailure) t.getCause();
    assertThat(f.getType()).isEqualTo(Failures.MANIFEST_STORE_UNAVAILABLE);
    assertThat(f.isNonRetryable()).isFalse();
  }
}
