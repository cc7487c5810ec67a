package io.tapeflow.changer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The cross-process half of a {@link ChangerLock}: a file lock on one file, which notes who holds
 * it for whoever waits. Not thread-safe: {@link ChangerLock} calls it only while holding its
 * in-process lock.
 */
final class LockFile {
  private final Path file;
  private FileChannel channel;
  private FileLock lock;

  LockFile(Path file) {
    this.file = file;
  }

  /**
   * Takes the file lock, polling until {@code deadline} ({@link System#nanoTime()}).
   *
   * @param holder what the lock is taken for, written into the file
   * @return false when another process held it until the deadline
   * @throws ChangerBusyException when the thread is interrupted while waiting
   * @throws ChangerLockException when the directory or file cannot be used
   */
  boolean lock(long deadline, String holder) {
    FileChannel ch = open();
    try {
      long pause = 10;
      while (true) {
        FileLock l = ch.tryLock();
        if (l != null) {
          channel = ch;
          lock = l;
          note(ch, holder);
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          closeQuietly(ch);
          return false;
        }
        Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        pause = Math.min(pause * 2, 250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(ch);
      throw new ChangerBusyException("interrupted while waiting for the lock file " + file);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new ChangerLockException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /** Releases the file lock taken by {@link #lock}. */
  void unlock() {
    FileLock l = lock;
    FileChannel ch = channel;
    lock = null;
    channel = null;
    try {
      if (l != null) {
        l.release();
      }
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    } finally {
      closeQuietly(ch);
    }
  }

  /** Who holds the lock, as the holder noted it; empty when unknown. */
  String holder() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private FileChannel open() {
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ChangerLockException(
          "cannot create the changer lock directory "
              + dir
              + " ("
              + describe(e)
              + "); create it writable for every user that drives the changer, or pass"
              + " --lock-dir DIR",
          e);
    }
    try {
      boolean created = !Files.exists(file);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (created) {
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException e) {
          // Best effort: another user may have created it first; it still locks for us.
        }
      }
      return ch;
    } catch (IOException e) {
      throw new ChangerLockException(
          "cannot open the changer lock file "
              + file
              + " ("
              + describe(e)
              + "); make it writable for this user, or pass --lock-dir DIR",
          e);
    }
  }

  private static String describe(IOException e) {
    return e instanceof AccessDeniedException ? "permission denied" : e.toString();
  }

  private static void note(FileChannel ch, String holder) throws IOException {
    String line =
        "pid "
            + ProcessHandle.current().pid()
            + " since "
            + Instant.now()
            + " for "
            + holder
            + "\n";
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}
