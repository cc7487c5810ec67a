package io.tapeflow.changer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the tapeflow checkout the tests run from, to reach the scripts in {@code infra/bin}. */
public final class RepoRoot {
  private RepoRoot() {}

  /**
   * The repository root: the {@code tapeflow.repo} system property (set for failsafe), else the
   * nearest directory at or above {@code user.dir} that holds {@code infra/bin/lib.sh}.
   */
  public static Path find() {
    String property = System.getProperty("tapeflow.repo");
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property).toAbsolutePath().normalize();
      if (Files.isRegularFile(p.resolve("infra/bin/lib.sh"))) {
        return p;
      }
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        p != null;
        p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("infra/bin/lib.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the tapeflow checkout (infra/bin/lib.sh) above "
            + System.getProperty("user.dir")
            + "; set -Dtapeflow.repo=<checkout>");
  }

  /** A script in {@code infra/bin}. */
  public static Path script(String name) {
    return find().resolve("infra/bin").resolve(name);
  }
}
