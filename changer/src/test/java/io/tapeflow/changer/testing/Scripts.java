package io.tapeflow.changer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an {@code infra/bin} script and returns its output, failing loudly with it. */
final class Scripts {
  private Scripts() {}

  /** The outcome of a script: exit code, stdout, stderr. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static Result run(long timeoutSeconds, String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(RepoRoot.script(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      Process p = pb.start();
      // Read both streams concurrently so neither pipe fills up.
      StreamReader err = new StreamReader(p.getErrorStream());
      err.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(script + " " + String.join(" ", args) + " timed out");
      }
      err.join();
      return new Result(p.exitValue(), out, err.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + script, e);
    }
  }

  static Result runOrFail(long timeoutSeconds, String script, String... args) {
    Result r = run(timeoutSeconds, script, args);
    if (!r.ok()) {
      throw new IllegalStateException(
          script
              + " "
              + String.join(" ", args)
              + " failed with exit code "
              + r.exitCode()
              + ":\n"
              + r.stderr()
              + r.stdout());
    }
    return r;
  }

  private static final class StreamReader extends Thread {
    private final InputStream in;
    private volatile String text = "";

    StreamReader(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        text = "(could not read: " + e + ")";
      }
    }

    String text() {
      return text;
    }
  }
}
