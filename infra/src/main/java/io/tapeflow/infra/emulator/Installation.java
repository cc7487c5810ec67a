package io.tapeflow.infra.emulator;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the scripts of the checkout this emulator runs from ({@code infra/bin/vtl}). */
final class Installation {
  private Installation() {}

  /**
   * {@code infra/bin/vtl} of the checkout holding these classes (infra/target/classes or a jar in
   * infra/target), else of the working directory or one of its parents.
   */
  static Path vtlScript() {
    Path here = codeLocation();
    for (Path start : new Path[] {here, Path.of("").toAbsolutePath()}) {
      for (Path p = start; p != null; p = p.getParent()) {
        Path candidate = p.resolve("infra/bin/vtl");
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "cannot find infra/bin/vtl above " + here + "; run from a tapeflow checkout or give --vtl");
  }

  private static Path codeLocation() {
    try {
      CodeSource source = Installation.class.getProtectionDomain().getCodeSource();
      return source == null
          ? Path.of("").toAbsolutePath()
          : Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
