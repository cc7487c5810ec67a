package io.tapeflow.changer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The host-wide lock of one changer: held around every move and every inventory used to choose a
 * slot, by tapeflow and by Bacula's storage daemon (through tapeflow's Changer Command), so that
 * only one robot move per changer runs at a time (DESIGN invariant 1).
 *
 * <p>It is a file lock on {@code <lock dir>/changer-<identity>.lock}. The identity is the changer's
 * own, not the path used to reach it: INQUIRY vendor and product plus the VPD 80h serial number,
 * read the same way whether the changer is reached over iSCSI, through its sg node or by {@code
 * mtx} on that node; or, when the device has no serial, its resolved device node or iSCSI URI. A
 * JVM file lock does not exclude threads of the same JVM, so it is paired with one in-process lock
 * per lock file. The lock is reentrant for the thread that holds it.
 *
 * <p>The lock directory ({@link #DEFAULT_DIRECTORY} unless the caller passes another) must be
 * writable by every user that drives the changer; lock files are created readable and writable by
 * all so that a root worker and a storage daemon running as {@code bacula} share them.
 */
public final class ChangerLock {

  /** Where lock files go unless the caller says otherwise (a tmpfs, emptied at boot). */
  public static final Path DEFAULT_DIRECTORY = Path.of("/run/tapeflow/locks");

  /** How long {@link #acquire()} waits. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final Map<Path, Slot> SLOTS = new ConcurrentHashMap<>();

  private final String identity;
  private final Path file;
  private final Slot slot;

  private ChangerLock(String identity, Path file) {
    this.identity = identity;
    this.file = file;
    this.slot = SLOTS.computeIfAbsent(file, Slot::new);
  }

  /**
   * The lock of the changer with this identity.
   *
   * @param lockDirectory the directory holding lock files (created on first use)
   * @param identity the changer's identity, e.g. {@code AWS/Gateway-VTL/SGW00000}
   */
  public static ChangerLock forIdentity(Path lockDirectory, String identity) {
    Objects.requireNonNull(lockDirectory, "lock directory");
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("a changer lock needs a non-blank identity");
    }
    Path dir = lockDirectory.toAbsolutePath().normalize();
    return new ChangerLock(identity, dir.resolve(fileName(identity)));
  }

  /**
   * The identity of a changer from its INQUIRY data and serial number.
   *
   * @param serial the VPD 80h serial, or null/blank when the device has none
   * @param fallback the changer's URI, used when there is no serial: for a device path or an {@code
   *     mtx:} URI, the node it resolves to ({@link #deviceIdentity}), the same for both; for iSCSI,
   *     the credential-free URI
   */
  public static String identity(String vendor, String product, String serial, ChangerUri fallback) {
    if (serial == null || serial.isBlank()) {
      return fallback.kind() == ChangerUri.Kind.ISCSI
          ? "uri:" + fallback.canonical()
          : deviceIdentity(fallback.devicePath());
    }
    return vendor.strip() + "/" + product.strip() + "/" + serial.strip();
  }

  /**
   * The identity of a changer known only by its device node: the path with symbolic links resolved
   * ({@code /dev/tape/by-id/...-changer} and the {@code /dev/sgN} it points to are one), or the
   * absolute path when it cannot be resolved.
   */
  public static String deviceIdentity(Path device) {
    Path p;
    try {
      p = device.toRealPath();
    } catch (IOException e) {
      p = device.toAbsolutePath().normalize();
    }
    return "device:" + p;
  }

  /** {@code changer-<readable part>-<hash>.lock}: safe characters, distinct per identity. */
  static String fileName(String identity) {
    String readable = identity.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (readable.length() > 80) {
      readable = readable.substring(0, 80);
    }
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "changer-" + readable + "-" + HexFormat.of().formatHex(h, 0, 6) + ".lock";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public String identity() {
    return identity;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Takes the lock, waiting up to {@link #DEFAULT_TIMEOUT}. */
  public Held acquire() {
    return acquire(DEFAULT_TIMEOUT);
  }

  /**
   * Takes the lock, waiting up to {@code timeout} for other threads and processes to release it.
   *
   * @param holder what the lock is taken for, written into the lock file for diagnostics
   * @throws ChangerBusyException when it stays held longer (or the thread is interrupted)
   * @throws ChangerLockException when the lock directory or file cannot be used
   */
  public Held acquire(Duration timeout, String holder) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!slot.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(timeout, "another thread of this process holds it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChangerBusyException("interrupted while waiting for the lock of " + identity);
    }
    if (slot.lock.getHoldCount() > 1) {
      return new Held(this);
    }
    try {
      if (!slot.file.lock(deadline, holder)) {
        String who = slot.file.holder();
        throw busy(timeout, who.isEmpty() ? "another process holds it" : "held by " + who);
      }
      return new Held(this);
    } catch (RuntimeException e) {
      slot.lock.unlock();
      throw e;
    }
  }

  /** Takes the lock, waiting up to {@code timeout}. */
  public Held acquire(Duration timeout) {
    return acquire(timeout, "tapeflow");
  }

  /**
   * Runs {@code action} holding the lock.
   *
   * @param holder what the lock is taken for (shown to whoever waits for it)
   */
  public <T> T call(Duration timeout, String holder, Supplier<T> action) {
    Held held = acquire(timeout, holder);
    try (held) {
      return action.get();
    }
  }

  /** True when the current thread holds this lock. */
  public boolean heldByCurrentThread() {
    return slot.lock.isHeldByCurrentThread();
  }

  private ChangerBusyException busy(Duration timeout, String who) {
    return new ChangerBusyException(
        "the changer "
            + identity
            + " stayed locked for "
            + (timeout.toMillis() < 10_000
                ? timeout.toMillis() + " ms"
                : timeout.toSeconds() + " s")
            + " ("
            + who
            + ", lock file "
            + file
            + "); another move or inventory is running, retry when it has finished");
  }

  private void release() {
    if (slot.lock.getHoldCount() == 1) {
      slot.file.unlock();
    }
    slot.lock.unlock();
  }

  @Override
  public String toString() {
    return "ChangerLock[" + identity + " at " + file + "]";
  }

  /** The in-process half of one lock file, and the file itself. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    final LockFile file;

    Slot(Path path) {
      this.file = new LockFile(path);
    }
  }

  /** A held lock; close it to release (once). */
  public static final class Held implements AutoCloseable {
    private final ChangerLock owner;
    private boolean released;

    private Held(ChangerLock owner) {
      this.owner = owner;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        owner.release();
      }
    }
  }
}
