package io.tapeflow.worker.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The host commands {@link DebianPackageIT} runs: processes, dpkg, file modes and owners. */
final class HostCommands {
  private static final long TIMEOUT_SECONDS = 300;

  /** What a command printed and how it ended. */
  record Result(int code, String out, String err) {
    boolean ok() {
      return code == 0;
    }

    @Override
    public String toString() {
      return "exit " + code + ", stdout: " + out.strip() + ", stderr: " + err.strip();
    }
  }

  /** A folder's mode and numeric owner, and those of its sub-folders, to put back later. */
  record DirState(Path path, String mode, String uid, String gid, List<DirState> children) {}

  Result run(String... command) {
    return run(List.of(command));
  }

  Result run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p, false));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not end in " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return new Result(127, "", command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  private static String read(Process p, boolean err) {
    try {
      return new String(
          (err ? p.getErrorStream() : p.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean onPath(String program) {
    return run("sh", "-c", "command -v \"$1\"", "sh", program).ok();
  }

  /** dpkg with these arguments, waiting while another dpkg or apt holds dpkg's lock. */
  Result dpkg(String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("dpkg"));
    command.addAll(List.of(args));
    for (int attempt = 1; ; attempt++) {
      Result r = run(command);
      if (r.ok() || !r.err().contains("lock") || attempt == 60) {
        return r;
      }
      Thread.sleep(2000);
    }
  }

  /** dpkg's status of the package (e.g. "ii"), empty when dpkg knows nothing of it. */
  Optional<String> packageStatus(String name) {
    Result r = run("dpkg-query", "-W", "-f=${db:Status-Abbrev}", name);
    String s = r.out().strip();
    return !r.ok() || s.isEmpty() || s.startsWith("un") ? Optional.empty() : Optional.of(s);
  }

  /** Installs missing Debian packages the way the project's scripts do (infra/bin/lib.sh). */
  void needPackages(String... names) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "bash",
            "-c",
            ". \"$0/infra/bin/lib.sh\" && need_packages \"$@\"",
            System.getProperty("tapeflow.repo", "..")));
    command.addAll(List.of(names));
    Result r = run(command);
    if (!r.ok()) {
      throw new AssertionError("installing " + List.of(names) + ": " + r);
    }
  }

  /** Octal mode and owner:group, e.g. {@code 2770 tapeflow:tapeflow}. */
  String stat(String path) {
    Result r = run("stat", "-c", "%a %U:%G", path);
    if (!r.ok()) {
      throw new AssertionError("stat " + path + ": " + r);
    }
    return r.out().strip();
  }

  Optional<DirState> dirState(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    String[] s = run("stat", "-c", "%a %u %g", dir.toString()).out().strip().split(" ", -1);
    List<DirState> children = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.filter(Files::isDirectory).toList()) {
        dirState(p).ifPresent(children::add);
      }
    }
    return Optional.of(new DirState(dir, s[0], s[1], s[2], List.copyOf(children)));
  }

  /** Makes the folders again with their modes and owners (their files are not kept). */
  void restore(DirState d) {
    run("install", "-d", "-m", d.mode(), "-o", d.uid(), "-g", d.gid(), d.path().toString());
    d.children().forEach(this::restore);
  }
}
