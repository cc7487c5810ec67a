package io.tapeflow.worker.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tapeflow.worker.packaging.HostCommands.Result;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package {@code mvn package} builds, installed with {@code dpkg -i} on this machine:
 * the command runs, the example config passes {@code config check}, both units pass {@code
 * systemd-analyze verify}, files and folders have their modes and owners, the changer unit's own
 * command line serves Bacula's user through the packaged Changer Command, and {@code dpkg --purge}
 * leaves nothing behind. Skipped (not failed) where it cannot run: not root, no dpkg, or a tapeflow
 * package or user already on the machine (it would remove them). Whatever fails, the package is
 * purged and a {@code /run/tapeflow} that was here before is put back as it was.
 */
class DebianPackageIT {
  private static final String SOCKET = "/run/tapeflow/changer.sock";
  private static final String WORKER_UNIT = "/lib/systemd/system/tapeflow-worker.service";
  private static final String CHANGER_UNIT = "/lib/systemd/system/tapeflow-changer.service";
  private static final Path RUN_LOCK = Path.of("/run/lock/tapeflow-package-it.lock");
  private static final String CHANGER_COMMAND = "/usr/lib/tapeflow/tapeflow-changer";
  // Nothing listens on port 1: opening this changer fails with a message naming it.
  private static final String ABSENT_CHANGER =
      "iscsi://127.0.0.1:1/iqn.2026-01.io.tapeflow:absent/0";

  private final HostCommands host = new HostCommands();

  @TempDir Path tmp;

  @Test
  void install_runsAndVerifies_thenPurgeLeavesNothing(TestReporter report) throws Exception {
    assumeTrue(host.run("id", "-u").out().strip().equals("0"), "needs root: it runs dpkg -i");
    assumeTrue(host.onPath("dpkg") && host.onPath("dpkg-deb"), "needs dpkg and dpkg-deb");
    // One checkout at a time installs the package on this machine.
    try (FileChannel lock =
            FileChannel.open(RUN_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      assertThat(held.isValid()).isTrue();
      installAndPurge(report);
    }
  }

  private void installAndPurge(TestReporter report) throws Exception {
    assumeTrue(
        host.packageStatus("tapeflow").isEmpty(),
        "a tapeflow package is already on this machine; this test would remove it");
    assumeTrue(
        !host.run("getent", "passwd", "tapeflow").ok(),
        "a tapeflow user already exists on this machine; this test would remove it");
    if (!host.onPath("systemd-analyze")) {
      host.needPackages("systemd");
    }
    Path deb = builtPackage();
    String version = host.run("dpkg-deb", "-f", deb.toString(), "Version").out().strip();
    Optional<HostCommands.DirState> runDirBefore = host.dirState(Path.of("/run/tapeflow"));

    Process service = null;
    try {
      Result installed = host.dpkg("-i", deb.toString());
      assertThat(installed.code()).as("dpkg -i: %s", installed).isZero();

      Result v = host.run("/usr/bin/tapeflow", "--version");
      assertThat(v.code()).as("%s", v).isZero();
      assertThat(v.out().strip()).isEqualTo("tapeflow " + version.replace('~', '-'));

      Result check =
          host.run(
              "/usr/bin/tapeflow",
              "config",
              "check",
              "--config",
              "/etc/tapeflow/tapeflow.yaml",
              "--no-probe");
      assertThat(check.code()).as("config check of the example: %s", check).isZero();
      assertThat(check.out()).startsWith("/etc/tapeflow/tapeflow.yaml: valid");

      Result verify = host.run("systemd-analyze", "verify", WORKER_UNIT, CHANGER_UNIT);
      assertThat(verify.code()).as("%s", verify).isZero();
      assertThat(verify.out() + verify.err()).as("systemd-analyze verify says nothing").isEmpty();

      assertInstalledFiles();
      assertUserAndGroups();

      if (host.run("getent", "passwd", "bacula").ok()) {
        service = startChangerUnitCommand();
        assertChangerServiceServesBacula();
        service.destroy();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Path.of(SOCKET)).as("removed when the service stops").doesNotExist();
        assertChangerCommandRunsItsOwnJvmWithoutTheService();
      } else {
        report.publishEntry("changer service", "no bacula user on this machine: not run");
      }

      assertReinstallKeepsTheEditedConfigAndUser(deb);

      Result purged = host.dpkg("--purge", "tapeflow");
      assertThat(purged.code()).as("dpkg --purge: %s", purged).isZero();
      assertNothingLeft();
    } finally {
      if (service != null) {
        service.destroyForcibly();
      }
      if (host.packageStatus("tapeflow").isPresent()) {
        host.dpkg("--purge", "tapeflow");
      }
      if (runDirBefore.isPresent()) {
        host.restore(runDirBefore.get());
      }
    }
  }

  /** The package this build made: the newest target/tapeflow_*_all.deb. */
  private static Path builtPackage() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("tapeflow_.+_all\\.deb"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new AssertionError("no target/tapeflow_*_all.deb: run mvn package"));
    }
  }

  private void assertInstalledFiles() throws IOException {
    assertThat(host.stat("/usr/bin/tapeflow")).isEqualTo("755 root:root");
    assertThat(host.stat("/usr/lib/tapeflow/tapeflow-changer")).isEqualTo("755 root:root");
    assertThat(host.stat("/etc/tapeflow/tapeflow.yaml")).isEqualTo("644 root:root");
    assertThat(host.run("dpkg-query", "-W", "-f=${Conffiles}", "tapeflow").out())
        .contains("/etc/tapeflow/tapeflow.yaml");
    assertThat(host.stat(WORKER_UNIT)).isEqualTo("644 root:root");
    assertThat(host.stat(CHANGER_UNIT)).isEqualTo("644 root:root");
    assertThat(host.stat("/usr/lib/tmpfiles.d/tapeflow.conf")).isEqualTo("644 root:root");
    try (Stream<Path> jars = Files.list(Path.of("/usr/lib/tapeflow/lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("worker-"))
          .anyMatch(n -> n.startsWith("picocli-"));
    }
    assertThat(host.stat("/run/tapeflow")).isEqualTo("750 tapeflow:tapeflow");
    assertThat(host.stat("/run/tapeflow/locks")).isEqualTo("2770 tapeflow:tapeflow");
    assertThat(host.stat("/var/lib/tapeflow")).isEqualTo("750 tapeflow:tapeflow");
    assertThat(host.stat("/var/spool/tapeflow/events")).isEqualTo("2770 tapeflow:tapeflow");
  }

  private void assertUserAndGroups() {
    assertThat(Integer.parseInt(host.run("id", "-u", "tapeflow").out().strip()))
        .as("a system user")
        .isLessThan(1000);
    List<String> groups = List.of(host.run("id", "-nG", "tapeflow").out().strip().split(" ", -1));
    if (host.run("getent", "group", "bacula").ok()) {
      assertThat(groups).contains("bacula");
    }
    if (host.run("getent", "passwd", "bacula").ok()) {
      assertThat(host.run("id", "-nG", "bacula").out().strip().split(" ", -1)).contains("tapeflow");
    }
  }

  /**
   * Runs the changer unit's ExecStart= as its User=, as systemd would, and waits for the socket.
   */
  private Process startChangerUnitCommand() throws IOException, InterruptedException {
    List<String> unit = Files.readAllLines(Path.of(CHANGER_UNIT));
    String user = value(unit, "User=");
    List<String> command =
        new ArrayList<>(
            List.of("setpriv", "--reuid", user, "--regid", user, "--init-groups", "--"));
    command.addAll(List.of(value(unit, "ExecStart=").split(" ", -1)));
    Process p =
        new ProcessBuilder(command)
            .directory(Path.of("/").toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("changer-service.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(Path.of(SOCKET))) {
      assertThat(p.isAlive())
          .as(
              "the changer service exited: %s",
              Files.readString(tmp.resolve("changer-service.log")))
          .isTrue();
      assertThat(System.nanoTime()).as("the changer socket appears").isLessThan(deadline);
      Thread.sleep(100);
    }
    return p;
  }

  /**
   * Bacula's user calls the packaged Changer Command with its default socket; its JVM fallback is
   * replaced by /bin/false, so an answer can only come from the service.
   */
  private void assertChangerServiceServesBacula() {
    assertThat(host.stat(SOCKET)).isEqualTo("660 tapeflow:bacula");
    Result call =
        asBacula(
            CHANGER_COMMAND, "--java=/bin/false", ABSENT_CHANGER, "slots", "0", "/dev/null", "0");
    assertThat(call.code()).as("%s", call).isEqualTo(1);
    assertThat(call.out()).as("the service's answer").contains(ABSENT_CHANGER);
  }

  /**
   * With no service, the packaged Changer Command runs the call in a JVM of its own from the
   * package's jars, with its built-in settings alone.
   */
  private void assertChangerCommandRunsItsOwnJvmWithoutTheService() {
    Result call = asBacula(CHANGER_COMMAND, ABSENT_CHANGER, "slots", "0", "/dev/null", "0");
    assertThat(call.code()).as("%s", call).isEqualTo(1);
    assertThat(call.out()).as("ChangerCommandMain's answer: %s", call).contains(ABSENT_CHANGER);
  }

  private Result asBacula(String... command) {
    List<String> c =
        new ArrayList<>(
            List.of("setpriv", "--reuid", "bacula", "--regid", "bacula", "--init-groups", "--"));
    c.addAll(List.of(command));
    return host.run(c);
  }

  /** dpkg -i again (what an upgrade does): the admin's config edit and the user stay. */
  private void assertReinstallKeepsTheEditedConfigAndUser(Path deb) throws Exception {
    Path config = Path.of("/etc/tapeflow/tapeflow.yaml");
    String edited = Files.readString(config) + "# edited by the administrator\n";
    Files.writeString(config, edited);
    String uid = host.run("id", "-u", "tapeflow").out();
    Result again = host.dpkg("-i", deb.toString());
    assertThat(again.code()).as("dpkg -i again: %s", again).isZero();
    assertThat(Files.readString(config)).isEqualTo(edited);
    assertThat(host.run("id", "-u", "tapeflow").out()).isEqualTo(uid);
  }

  private void assertNothingLeft() {
    assertThat(host.packageStatus("tapeflow")).isEmpty();
    for (String p :
        List.of(
            "/usr/bin/tapeflow",
            "/usr/lib/tapeflow",
            "/etc/tapeflow",
            WORKER_UNIT,
            CHANGER_UNIT,
            "/usr/lib/tmpfiles.d/tapeflow.conf",
            "/run/tapeflow",
            "/var/lib/tapeflow",
            "/var/spool/tapeflow")) {
      assertThat(Path.of(p)).doesNotExist();
    }
    assertThat(host.run("getent", "passwd", "tapeflow").ok()).as("user tapeflow").isFalse();
    assertThat(host.run("getent", "group", "tapeflow").ok()).as("group tapeflow").isFalse();
  }

  private static String value(List<String> unit, String key) {
    return unit.stream()
        .filter(l -> l.startsWith(key))
        .map(l -> l.substring(key.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + CHANGER_UNIT));
  }
}
