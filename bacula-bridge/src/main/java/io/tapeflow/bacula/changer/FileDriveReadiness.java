package io.tapeflow.bacula.changer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Readiness of a File-type drive: Bacula's storage daemon opens the Archive Device path itself, so
 * after a load {@code %a} must resolve to the loaded tape's data file, {@code <dir of
 * %a>/<barcode>} (the tape emulator's {@code --media} layout, where {@code drive-<k>} is a symlink
 * it keeps current). A character or block device (a real {@code /dev/nst}) is not waited for here.
 */
public final class FileDriveReadiness implements DriveReadiness {
  private final Duration timeout;
  private final Duration poll;

  public FileDriveReadiness(Duration timeout, Duration poll) {
    this.timeout = timeout;
    this.poll = poll;
  }

  @Override
  public void awaitLoaded(String archiveDevice, String barcode) {
    Path device = Path.of(archiveDevice);
    if (isDeviceNode(device)) {
      return;
    }
    Path parent = device.toAbsolutePath().getParent();
    Path expected = barcode == null || parent == null ? null : parent.resolve(barcode);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (resolvesTo(device, expected)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ChangerProtocolException(
            "the cartridge "
                + (barcode == null ? "" : barcode + " ")
                + "is in the drive but "
                + archiveDevice
                + " does not lead to "
                + (expected == null ? "a tape" : expected.toString())
                + " after "
                + timeout.toMillis()
                + " ms; is the tape emulator running with --media "
                + (parent == null ? "DIR" : parent)
                + "?");
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChangerProtocolException("interrupted while waiting for " + archiveDevice);
      }
    }
  }

  private static boolean isDeviceNode(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode");
      int m = (Integer) mode;
      int type = m & 0170000;
      return type == 0020000 || type == 0060000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean resolvesTo(Path device, Path expected) {
    try {
      if (!Files.exists(device)) {
        return false;
      }
      if (expected == null) {
        return true;
      }
      return Files.exists(expected, LinkOption.NOFOLLOW_LINKS)
          && device.toRealPath().equals(expected.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
