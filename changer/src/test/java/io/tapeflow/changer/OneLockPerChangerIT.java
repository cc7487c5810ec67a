package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.testing.ChangerProbeMain;
import io.tapeflow.changer.testing.NativeHelpers;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN invariant 1 whatever the URI: one tgt library reached as {@code mtx:NODE}, as the sg node
 * {@code NODE} itself (SG_IO) and as {@code iscsi://…} takes one lock file, and a holder through
 * one URI excludes moves through another, across processes. The {@code mtx:} and SG_IO changers run
 * in JVMs that preload infra/native's shim, which makes a fake node path an sg node of the library;
 * the real mtx binary runs under the same preload.
 */
class OneLockPerChangerIT {
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path dir;
  private VtlFixture vtl;
  private Path node;
  private Path locks;

  @BeforeEach
  void up() throws IOException {
    vtl = VtlFixture.builder().drives(1).slots(4).ie(2).tape("ONE001", 20000).start();
    node = Files.createFile(dir.resolve("sg-one")).toRealPath();
    locks = dir.resolve("locks");
  }

  @AfterEach
  void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  private ProcessBuilder probe(String uri, String... steps) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChangerProbeMain.class.getName());
    cmd.add(locks.toString());
    cmd.add(uri);
    cmd.addAll(List.of(steps));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(NativeHelpers.shimEnvironment(node, vtl.changerUri()));
    return pb;
  }

  /** Runs the probe to its end; its output lines, SLF4J's notices left out. */
  private List<String> run(String uri, String... steps) throws IOException, InterruptedException {
    Process p = probe(uri, steps).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> !l.isBlank() && !l.startsWith("SLF4J")).toList();
  }

  private static String nextLine(BufferedReader r) throws IOException {
    String line;
    do {
      line = r.readLine();
    } while (line != null && (line.isBlank() || line.startsWith("SLF4J")));
    return line;
  }

  private MediumChanger iscsi(Duration lockTimeout) {
    return Changers.open(
        ChangerUri.parse(vtl.changerUri()),
        locks,
        SmcMediumChanger.Options.newBuilder().setLockTimeout(lockTimeout).build());
  }

  private static ChangerLock lockOf(MediumChanger c) {
    return ((AbstractMediumChanger) c).lock();
  }

  private String at(int address) {
    try (MediumChanger c = iscsi(SHORT)) {
      Element e = c.inventory().resolve(address);
      return e.full() ? e.barcode() : "empty";
    }
  }

  @Test
  void mtxSgIoAndIscsi_onOneLibrary_resolveToOneLockFile() throws Exception {
    ChangerLock iscsiLock;
    try (MediumChanger c = iscsi(SHORT)) {
      iscsiLock = lockOf(c);
    }
    String expected = "lock-file " + iscsiLock.file() + " " + iscsiLock.identity();

    assertThat(iscsiLock.identity()).isEqualTo("AWS/Gateway-VTL/" + vtl.get("CHANGER_SERIAL"));
    assertThat(run("mtx:" + node, "lock-file")).containsExactly(expected);
    assertThat(run(node.toString(), "lock-file")).containsExactly(expected);
  }

  @Test
  void anMtxMove_whileAnIscsiChangerHoldsTheLock_isRefusedBusy_andRunsOnceItIsFree()
      throws Exception {
    try (MediumChanger c = iscsi(SHORT)) {
      ChangerLock.Held held = lockOf(c).acquire(SHORT, "OneLockPerChangerIT");
      try (held) {
        // mtx numbers: slot 1 is 20000, drive 0 is 10000.
        List<String> refused = run("mtx:" + node, "lock-timeout", "500", "move", "1", "0");

        assertThat(refused).hasSize(1);
        assertThat(refused.get(0))
            .startsWith("error ChangerBusyException: ")
            .contains(lockOf(c).file().toString())
            .contains("OneLockPerChangerIT");
        assertThat(at(20000)).isEqualTo("ONE001");
      }
    }
    assertThat(run("mtx:" + node, "move", "1", "0")).containsExactly("moved 1 0");
    assertThat(at(10000)).isEqualTo("ONE001");
  }

  @Test
  void anIscsiMove_whileAnMtxChangerInAnotherProcessHoldsTheLock_isRefusedBusy_andRunsOnceItIsFree()
      throws Exception {
    Process holder = probe("mtx:" + node, "hold").start();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        MediumChanger c = iscsi(SHORT)) {
      assertThat(nextLine(out)).isEqualTo("holding " + lockOf(c).file());

      assertThatThrownBy(() -> c.move(20000, 10000))
          .isInstanceOf(ChangerBusyException.class)
          .hasMessageContaining("pid " + holder.pid());
      assertThat(at(20000)).isEqualTo("ONE001");

      holder.getOutputStream().close();
      assertThat(nextLine(out)).isEqualTo("released");
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      c.move(20000, 10000);
    } finally {
      holder.destroyForcibly();
    }
    assertThat(at(10000)).isEqualTo("ONE001");
  }

  @Test
  void anSgIoMove_whileAnMtxChangerInAnotherProcessHoldsTheLock_isRefusedBusy() throws Exception {
    Process holder = probe("mtx:" + node, "hold").start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(nextLine(out)).startsWith("holding ");

      List<String> refused = run(node.toString(), "lock-timeout", "500", "move", "20000", "10000");

      assertThat(refused).hasSize(1);
      assertThat(refused.get(0))
          .startsWith("error ChangerBusyException: ")
          .contains("pid " + holder.pid());
      assertThat(at(20000)).isEqualTo("ONE001");
      holder.getOutputStream().close();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      holder.destroyForcibly();
    }
  }
}
