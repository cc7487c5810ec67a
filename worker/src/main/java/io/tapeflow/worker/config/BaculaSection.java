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
    Optional<JobName> restoreJob = s.value("restoreJob", false, "", JobName::of);
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new BaculaConfig(
            director.orElseThrow(),
            BconsoleSettings.of(config).withExecutable(command),
            storage.orElseThrow(),
            restoreJob));
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
                  if (p.startsWith("/")) {
                    throw new IllegalArgumentException(
                        "'" + p + "' starts with '/': S3 keys do not");
                  }
                  return p.isEmpty() || p.endsWith("/") ? p : p + "/";
                })
            .orElse("");
    Optional<URI> endpoint = s.value("endpoint", false, "", Values::endpoint);
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(new ManifestsConfig(bucket.orElseThrow(), prefix, endpoint));
  }
}
