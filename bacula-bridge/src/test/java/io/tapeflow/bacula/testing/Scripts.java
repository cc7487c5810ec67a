package io.tapeflow.bacula.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the infra/bin scripts from tests and reads their KEY=VALUE env files. */
public final class Scripts {
  private Scripts() {}

  /** Runs a command, fails with its output unless it exits 0; returns stdout and stderr merged. */
  public static String run(List<String> command, long timeoutSeconds) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited " + p.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** KEY=VALUE lines (values optionally in single or double quotes). */
  public static Map<String, String> readEnv(Path file) {
    try {
      Map<String, String> m = new LinkedHashMap<>();
      for (String l : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = l.indexOf('=');
        if (l.startsWith("#") || eq <= 0) {
          continue;
        }
        String v = l.substring(eq + 1);
        if (v.length() >= 2
            && ((v.startsWith("'") && v.endsWith("'"))
                || (v.startsWith("\"") && v.endsWith("\"")))) {
          v = v.substring(1, v.length() - 1);
        }
        m.put(l.substring(0, eq), v);
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
