package io.tapeflow.bacula.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the {@code tapeflow.repo} property, else found upwards from here. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String p = System.getProperty("tapeflow.repo");
    if (p != null && !p.isBlank()) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path c = d; c != null; c = c.getParent()) {
      if (Files.exists(c.resolve(".git")) || Files.exists(c.resolve("infra/bin/lib.sh"))) {
        return c;
      }
    }
    throw new IllegalStateException("cannot find the tapeflow repository above " + d);
  }

  /** A script under infra/bin. */
  public static Path script(String name) {
    return root().resolve("infra/bin").resolve(name);
  }
}
