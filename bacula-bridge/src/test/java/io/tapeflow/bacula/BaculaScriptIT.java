package io.tapeflow.bacula;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.bacula.model.UpdateSlotsResult;
import io.tapeflow.bacula.testing.BaculaFixture;
import io.tapeflow.changer.testing.RepoRoot;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/bin/bacula itself: the install and port traps of the reference (§1, §9.1-3), stopping
 * exactly what it started, and a storage daemon that runs the Changer Command as one JVM per call
 * when no changer service listens.
 */
class BaculaScriptIT {

  @Test
  void twoPrivateBaculasRunSideBySide_onFreePorts_andDownStopsOnlyItsOwnDaemons(@TempDir Path d) {
    CompletableFuture<BaculaFixture> a = CompletableFuture.supplyAsync(() -> start(d.resolve("a")));
    CompletableFuture<BaculaFixture> b = CompletableFuture.supplyAsync(() -> start(d.resolve("b")));
    BaculaFixture one = a.join();
    BaculaFixture two = b.join();
    try {
      Set<String> ports =
          Set.of(
              one.env("DIR_PORT"),
              one.env("SD_PORT"),
              one.env("FD_PORT"),
              two.env("DIR_PORT"),
              two.env("SD_PORT"),
              two.env("FD_PORT"));
      assertThat(ports).as("six distinct ports").hasSize(6);
      assertThat(ports).doesNotContain("9101", "9102", "9103");
      assertThat(one.testConsole().listVolumes(null)).isEmpty();
      assertThat(two.testConsole().listVolumes(null)).isEmpty();
      assertThat(d.resolve("a/log/catalog.log"))
          .as("the SQLite catalog tools' warning is kept in a log, and harmless")
          .content()
          .contains("SQLite3 is no longer supported");
      one.close();
      assertThat(pids(one))
          .allSatisfy(
              p ->
                  assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive))
                      .isNotEqualTo(java.util.Optional.of(true)));
      assertThat(pids(two))
          .allSatisfy(
              p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive)).contains(true));
      assertThat(two.testConsole().listVolumes(null)).isEmpty();
      one.close();
    } finally {
      two.close();
    }
  }

  @Test
  void up_namesTheDirectorPackageItself_sinceTheSqlitePackageHasNoBaculaDir() throws IOException {
    String script = Files.readString(RepoRoot.script("bacula"), StandardCharsets.UTF_8);
    assertThat(script).contains("bacula-director bacula-director-sqlite3");
    assertThat(Path.of("/usr/sbin/bacula-dir")).isExecutable();
  }

  @Test
  void theStorageDaemonRunsTheChangerCommandInAJvmOfItsOwn_whenNoServiceListens(@TempDir Path d) {
    try (VtlFixture vtl =
            VtlFixture.builder()
                .drives(2)
                .slots(4)
                .ie(2)
                .tape("TFD001", 20000)
                .tape("TFD003", 20002)
                .tape("TFD009", 30000)
                .start();
        BaculaFixture bacula =
            BaculaFixture.in(d.resolve("bacula"))
                .option("--changer-device", vtl.changerUri())
                .option("--drives", "2")
                .option("--lock-dir", d.resolve("locks").toString())
                .start()) {
      UpdateSlotsResult r = bacula.testConsole().updateSlots(bacula.storage(), 0, null);
      assertThat(r.changerSlots()).isEqualTo(6);
      assertThat(r.notInCatalog()).containsEntry(1, "TFD001").containsEntry(3, "TFD003").hasSize(2);
    }
  }

  private static BaculaFixture start(Path dir) {
    return BaculaFixture.in(dir).option("--changer-command", "/bin/false").start();
  }

  private static List<Long> pids(BaculaFixture f) {
    return Stream.of("DIR_PID", "SD_PID", "FD_PID").map(k -> Long.parseLong(f.env(k))).toList();
  }
}
