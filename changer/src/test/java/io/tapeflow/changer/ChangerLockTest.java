package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.testing.LockHolderMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangerLockTest {
  static final Duration SHORT = Duration.ofMillis(200);

  @TempDir Path dir;

  @Test
  void sameIdentity_sameFile_differentIdentity_differentFile() {
    ChangerLock a = ChangerLock.forIdentity(dir, "AWS/Gateway-VTL/SGW00000");
    ChangerLock b = ChangerLock.forIdentity(dir.resolve("x/.."), "AWS/Gateway-VTL/SGW00000");
    ChangerLock c = ChangerLock.forIdentity(dir, "AWS/Gateway-VTL/SGW00001");

    assertThat(a.file()).isEqualTo(b.file());
    assertThat(a.file()).isNotEqualTo(c.file());
    assertThat(a.file().getFileName().toString())
        .startsWith("changer-AWS_Gateway-VTL_SGW00000-")
        .endsWith(".lock");
  }

  @Test
  void identity_isVendorProductSerial_orTheCanonicalUriWithoutSerial() {
    ChangerUri uri = ChangerUri.parse("iscsi://u%secret@GW:3260/iqn.1997-05.com.amazon:c/0");

    assertThat(ChangerLock.identity("AWS ", "Gateway-VTL", " SGW1 ", uri))
        .isEqualTo("AWS/Gateway-VTL/SGW1");
    assertThat(ChangerLock.identity("AWS", "Gateway-VTL", " ", uri))
        .isEqualTo("uri:iscsi://gw:3260/iqn.1997-05.com.amazon:c/0")
        .doesNotContain("secret");
  }

  @Test
  void identity_withoutSerial_ofADevicePathAndOfMtxOnItsNode_isTheResolvedNode() throws Exception {
    Path node = Files.createFile(dir.resolve("sg7")).toRealPath();
    Path link = Files.createSymbolicLink(dir.resolve("changer-link"), node);

    assertThat(ChangerLock.identity("AWS", "Gateway-VTL", null, ChangerUri.parse(link.toString())))
        .isEqualTo(ChangerLock.identity("AWS", "Gateway-VTL", "", ChangerUri.parse("mtx:" + node)))
        .isEqualTo("device:" + node);
    assertThat(ChangerLock.deviceIdentity(dir.resolve("gone/../sg404")))
        .isEqualTo("device:" + dir.toAbsolutePath().resolve("sg404"));
  }

  @Test
  void acquire_whileAnotherThreadHoldsIt_timesOutBusy() throws Exception {
    ChangerLock lock = ChangerLock.forIdentity(dir, "changer-1");
    ExecutorService other = Executors.newSingleThreadExecutor();
    ChangerLock.Held held = lock.acquire();
    try (held) {
      CompletableFuture<Throwable> attempt =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  ChangerLock.forIdentity(dir, "changer-1").acquire(SHORT).close();
                  return null;
                } catch (ChangerBusyException e) {
                  return e;
                }
              },
              other);

      assertThat(attempt.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ChangerBusyException.class)
          .hasMessageContaining("another thread of this process holds it");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void acquire_isReentrantAndReleasedByTheLastClose() throws Exception {
    ChangerLock lock = ChangerLock.forIdentity(dir, "changer-2");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      ChangerLock.Held outer = lock.acquire();
      ChangerLock.Held inner = lock.acquire(SHORT);
      inner.close();
      assertThat(lock.heldByCurrentThread()).isTrue();
      outer.close();
      assertThat(lock.heldByCurrentThread()).isFalse();

      boolean acquiredElsewhere =
          CompletableFuture.supplyAsync(
                  () -> {
                    ChangerLock.Held h = lock.acquire(SHORT);
                    try (h) {
                      return true;
                    }
                  },
                  other)
              .get(30, TimeUnit.SECONDS);
      assertThat(acquiredElsewhere).isTrue();
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void threads_neverHoldItTogether() throws Exception {
    ChangerLock lock = ChangerLock.forIdentity(dir, "changer-3");
    int threads = 8;
    int rounds = 50;
    int[] inside = {0};
    int[] maxInside = {0};
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> all =
          java.util.stream.IntStream.range(0, threads)
              .mapToObj(
                  t ->
                      CompletableFuture.runAsync(
                          () -> {
                            awaitQuietly(start);
                            for (int r = 0; r < rounds; r++) {
                              ChangerLock.Held h =
                                  ChangerLock.forIdentity(dir, "changer-3").acquire();
                              try (h) {
                                synchronized (inside) {
                                  inside[0]++;
                                  maxInside[0] = Math.max(maxInside[0], inside[0]);
                                }
                                Thread.onSpinWait();
                                synchronized (inside) {
                                  inside[0]--;
                                }
                              }
                            }
                          },
                          pool))
              .toList();
      start.countDown();
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxInside[0]).isEqualTo(1);
    assertThat(lock.heldByCurrentThread()).isFalse();
  }

  @Test
  void acquire_whileAnotherProcessHoldsIt_timesOutNamingThatProcess() throws Exception {
    Process holder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                dir.toString(),
                "changer-4")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");

      ChangerLock lock = ChangerLock.forIdentity(dir, "changer-4");
      assertThatThrownBy(() -> lock.acquire(SHORT))
          .isInstanceOf(ChangerBusyException.class)
          .hasMessageContaining("held by pid " + holder.pid());

      holder.getOutputStream().close();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      ChangerLock.Held h = lock.acquire(Duration.ofSeconds(30));
      try (h) {
        assertThat(lock.heldByCurrentThread()).isTrue();
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void lockFile_isWritableByEveryUser() throws Exception {
    ChangerLock lock = ChangerLock.forIdentity(dir.resolve("locks"), "changer-5");
    ChangerLock.Held h = lock.acquire();
    try (h) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.file())))
          .isEqualTo("rw-rw-rw-");
    }
  }

  @Test
  void unusableLockDirectory_isAClearError() throws Exception {
    Path notADirectory = Files.createFile(dir.resolve("plain-file"));
    ChangerLock lock = ChangerLock.forIdentity(notADirectory.resolve("locks"), "changer-6");

    assertThatThrownBy(lock::acquire)
        .isInstanceOf(ChangerLockException.class)
        .hasMessageContaining("cannot create the changer lock directory")
        .hasMessageContaining("--lock-dir");
    assertThat(lock.heldByCurrentThread()).isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
