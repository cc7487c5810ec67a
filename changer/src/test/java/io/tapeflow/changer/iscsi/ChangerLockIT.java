package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerBusyException;
import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.changer.testing.LockHolderMain;
import io.tapeflow.changer.testing.RecordingTransport;
import io.tapeflow.changer.testing.RecordingTransport.CommandLog;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One robot move at a time per changer (DESIGN invariant 1), shown on a real library: every command
 * is recorded with its thread, and a command of another thread between a move's inventory and its
 * MOVE MEDIUM is an interleaving. The same workload without a shared lock shows the recorder does
 * catch interleavings, so the first test could fail.
 */
class ChangerLockIT {
  private static final int THREADS = 8;
  private static final int MOVES_PER_THREAD = 12;
  private static VtlFixture vtl;

  @TempDir static Path locks;

  @BeforeAll
  static void up() {
    // Thread k owns tape TLK00k and bounces it between slots 20000+2k and 20001+2k.
    VtlFixture.Builder b = VtlFixture.builder().drives(1).slots(2 * THREADS).ie(2);
    for (int k = 0; k < THREADS; k++) {
      b.tape("TLK00" + k, 20000 + 2 * k);
    }
    vtl = b.start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  private static SmcMediumChanger changer(CommandLog log, Path lockDir) {
    return SmcMediumChanger.open(
        new RecordingTransport(IscsiTransport.open(vtl.changerEndpoint()), log),
        ChangerUri.parse(vtl.changerUri()),
        lockDir,
        SmcMediumChanger.Options.defaults());
  }

  /** Runs the workload: thread k moves its own tape back and forth on changer(k). */
  private static void bounce(IntFunction<SmcMediumChanger> changerOfThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < THREADS; k++) {
        int home = 20000 + 2 * k;
        SmcMediumChanger c = changerOfThread.apply(k);
        done.add(
            pool.submit(
                () -> {
                  Thread.currentThread().setName("mover-" + home);
                  start.await();
                  for (int i = 0; i < MOVES_PER_THREAD; i++) {
                    int from = home + (i % 2);
                    c.move(from, from == home ? home + 1 : home);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eightThreadsMovingOnOneChanger_neverInterleave() throws Exception {
    CommandLog log = new CommandLog();
    try (SmcMediumChanger changer = changer(log, locks)) {
      changer.inventory(); // page 1Dh read once, outside the workload
      log.clear();
      bounce(k -> changer);
      assertThat(log.count(SmcCommands.MOVE_MEDIUM)).isEqualTo(THREADS * MOVES_PER_THREAD);
      assertThat(log.interleavings()).isEmpty();
      Inventory inv = changer.inventory();
      for (int k = 0; k < THREADS; k++) {
        assertThat(inv.locate("TLK00" + k).orElseThrow().address()).isEqualTo(20000 + 2 * k);
      }
    }
  }

  @Test
  void theSameWorkloadWithoutASharedLock_isCaughtInterleaving() throws Exception {
    CommandLog log = new CommandLog();
    List<SmcMediumChanger> unlocked = new ArrayList<>();
    try {
      for (int k = 0; k < THREADS; k++) {
        // A lock directory per thread: each changer takes a lock nobody else shares.
        SmcMediumChanger c = changer(log, locks.resolve("private-" + k));
        c.inventory();
        unlocked.add(c);
      }
      log.clear();
      bounce(unlocked::get);
      assertThat(log.count(SmcCommands.MOVE_MEDIUM)).isEqualTo(THREADS * MOVES_PER_THREAD);
      assertThat(log.interleavings()).isNotEmpty();
    } finally {
      unlocked.forEach(SmcMediumChanger::close);
    }
  }

  @Test
  void aSecondProcessHoldingTheLock_blocksMoves_untilItLetsGo() throws Exception {
    CommandLog log = new CommandLog();
    SmcMediumChanger.Options shortWait =
        SmcMediumChanger.Options.newBuilder().setLockTimeout(Duration.ofMillis(700)).build();
    try (SmcMediumChanger changer =
        SmcMediumChanger.open(
            new RecordingTransport(IscsiTransport.open(vtl.changerEndpoint()), log),
            ChangerUri.parse(vtl.changerUri()),
            locks,
            shortWait)) {
      ChangerLock lock = changer.lock();
      Process holder =
          new ProcessBuilder(
                  javaBin(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LockHolderMain.class.getName(),
                  locks.toString(),
                  lock.identity())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        Inventory before = changer.inventory();
        long moves = log.count(SmcCommands.MOVE_MEDIUM);

        assertThatThrownBy(() -> changer.move(20000, 30000))
            .isInstanceOf(ChangerBusyException.class)
            .hasMessageContaining("pid " + holder.pid());
        assertThat(log.count(SmcCommands.MOVE_MEDIUM)).isEqualTo(moves);
        assertThat(changer.inventory()).isEqualTo(before);
      } finally {
        holder.getOutputStream().close(); // the holder releases and exits
        assertThat(holder.waitFor()).isZero();
      }
      changer.move(20000, 30000);
      changer.move(30000, 20000);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
