package io.tapeflow.bacula.changer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDriveReadinessTest {

  @Test
  void returnsOnceTheDriveLinkLeadsToTheLoadedTape(@TempDir Path media) throws Exception {
    Files.writeString(media.resolve("TAP001"), "data");
    Files.writeString(media.resolve("TAP002"), "data");
    Path drive = media.resolve("drive-0");
    Files.createSymbolicLink(drive, media.resolve("TAP001"));
    CountDownLatch waiting = new CountDownLatch(1);
    Thread emulator =
        new Thread(
            () -> {
              try {
                waiting.await();
                Thread.sleep(100);
                Files.delete(drive);
                Files.createSymbolicLink(drive, Path.of("TAP002"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    emulator.start();
    waiting.countDown();
    new FileDriveReadiness(Duration.ofSeconds(30), Duration.ofMillis(10))
        .awaitLoaded(drive.toString(), "TAP002");
    emulator.join();
    assertThatCode(() -> Files.readSymbolicLink(drive)).doesNotThrowAnyException();
  }

  @Test
  void failsNamingTheStaleLink_whenItNeverChanges(@TempDir Path media) throws Exception {
    Files.writeString(media.resolve("TAP001"), "data");
    Path drive = media.resolve("drive-1");
    Files.createSymbolicLink(drive, media.resolve("TAP001"));
    assertThatThrownBy(
            () ->
                new FileDriveReadiness(Duration.ofMillis(100), Duration.ofMillis(10))
                    .awaitLoaded(drive.toString(), "TAP002"))
        .isInstanceOf(ChangerProtocolException.class)
        .hasMessageContaining(drive.toString())
        .hasMessageContaining("TAP002")
        .hasMessageContaining("--media");
  }

  @Test
  void doesNotWaitForARealTapeDeviceNode() {
    assertThatCode(
            () ->
                new FileDriveReadiness(Duration.ofMillis(1), Duration.ofMillis(1))
                    .awaitLoaded("/dev/null", "TAP001"))
        .doesNotThrowAnyException();
  }
}
