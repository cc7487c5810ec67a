package io.tapeflow.worker.config;

import io.tapeflow.bacula.console.BconsoleSettings;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.Names;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.workflows.common.TaskQueues;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code bacula} and {@code manifests}. */
final class BaculaSection {
  static final Path DEFAULT_BCONSOLE_CONFIG = Path.of("/etc/bacula/bconsole.conf");
  static final JobName DEFAULT_RESTORE_JOB = JobName.of("RestoreFiles");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private BaculaSection() {}

  static Optional<BaculaConfig> bacula(Section s, Path base) {
    int before = s.problems().count();
    Optional<String> director =
        s.value(
            "director",
            true,
            "the Director's name (its Name in bacula-dir.conf)",
            d -> TaskQueues.requireName("director", Names.require("director name", d)));
    Path command = BconsoleSettings.DEFAULT_EXECUTABLE;
    Path config = DEFAULT_BCONSOLE_CONFIG;
    Optional<Section> bconsole = s.section("bconsole", false);
    if (bconsole.isPresent()) {
      Section b = bconsole.get();
      command = b.value("command", false, "", v -> Values.path(base, v)).orElse(command);
      config = b.value("config", false, "", v -> Values.path(base, v)).orElse(config);
      b.finish();
    }
    Optional<StorageName> storage =
        s.value("storage", true, "the Storage resource of the gateway's library", StorageName::of);
    JobName restoreJob = s.value("restoreJob", false, "", JobName::of).orElse(DEFAULT_RESTORE_JOB);
    Optional<Path> restoreWhere =
        s.value(
            "restoreWhere",
            false,
            "",
            v -> {
              if (!v.startsWith("/")) {
                throw new IllegalArgumentException(
                    "'" + v + "' is not an absolute path on the Bacula client");
              }
              return Path.of(v);
            });
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new BaculaConfig(
            director.orElseThrow(),
            BconsoleSettings.of(config).withExecutable(command),
            storage.orElseThrow(),
            restoreJob,
            restoreWhere));
  }

  static Optional<ManifestsConfig> manifests(Section s) {
    int before = s.problems().count();
    Optional<String> bucket =
        s.value(
            "bucket",
            true,
            "an S3 bucket name",
            b -> {
              if (!BUCKET.matcher(b).matches() || b.contains("..")) {
                throw new IllegalArgumentException(
                    "'" + b + "' is not an S3 bucket name (3-63 of a-z 0-9 . -)");
              }
              return b;
            });
    String prefix =
        s.value(
                "prefix",
                false,
                "",
                p -> {
                  String withSlash = p.isEmpty() || p.endsWith("/") ? p : p + "/";
                  if (!PREFIX.matcher(withSlash).matches()) {
                    throw new IllegalArgumentException(
                        "'"
                            + p
                            + "' is not a key prefix: use path segments of A-Z a-z 0-9 . _ -"
                            + " (e.g. tapeflow/)");
                  }
                  return withSlash;
                })
            .orElse("");
    Optional<URI> endpoint = s.value("endpoint", false, "", Values::endpoint);
    Optional<String> region =
        s.value(
            "region",
            false,
            "",
            r -> {
              if (!REGION.matcher(r).matches()) {
                throw new IllegalArgumentException("'" + r + "' is not an AWS region (eu-west-1)");
              }
              return r;
            });
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(new ManifestsConfig(bucket.orElseThrow(), prefix, endpoint, region));
  }
}
