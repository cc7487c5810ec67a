package io.tapeflow.infra.emulator.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, for tests that run scripts of {@code infra/bin}. */
public final class Repo {
  private Repo() {}

  /**
   * The {@code tapeflow.repo} system property (set for failsafe), else the first directory above
   * the working directory that holds {@code .git} or {@code infra/bin/vtl}.
   */
  public static Path root() {
    String property = System.getProperty("tapeflow.repo");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git")) || Files.isRegularFile(p.resolve("infra/bin/vtl"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the tapeflow repository above the working directory");
  }
}
