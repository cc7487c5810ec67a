package io.tapeflow.changer.scsi;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What the native transports share: one command at a time on one session (opened on demand, so a
 * lost one is opened again by the next command), refused once closed, with one receive buffer kept
 * for the session's life. Subclasses provide the session; every hook runs under the transport's
 * lock.
 */
public abstract class SerialTransport implements ScsiTransport {
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock.
  private boolean closed;
  private Memory data;
  private ByteBuffer dataView;

  protected SerialTransport() {}

  /** Makes sure a session is open, opening one if needed. */
  protected abstract void ensureOpen();

  /** Sends one command on the open session. */
  protected abstract ScsiResponse send(ScsiCommand command);

  /** Ends the session for good; called once. */
  protected abstract void release();

  /** Opens the session now (for factories that must fail early). */
  protected final void openNow() {
    locked(
        () -> {
          ensureOpen();
          return null;
        });
  }

  @Override
  public final ScsiResponse execute(ScsiCommand command) {
    Objects.requireNonNull(command, "command");
    return locked(
        () -> {
          if (closed) {
            throw new ScsiTransportException(describe() + " is closed", false);
          }
          ensureOpen();
          return send(command);
        });
  }

  /** Ends the session; idempotent. */
  @Override
  public final void close() {
    locked(
        () -> {
          if (!closed) {
            closed = true;
            release();
          }
          return null;
        });
  }

  /** Runs {@code action} under the transport's lock (for state the hooks guard with it). */
  protected final <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The reusable receive buffer, grown when a command needs more than {@code length} bytes; its
   * view ({@link #bufferView()}) is made once per buffer, so reading a reply costs no native call.
   */
  protected final Memory buffer(int length) {
    if (data == null || data.size() < length) {
      data = new Memory(Math.max(length, 4096));
      dataView = data.getByteBuffer(0, data.size());
    }
    return data;
  }

  /** The view of the buffer last returned by {@link #buffer(int)}. */
  protected final ByteBuffer bufferView() {
    return dataView;
  }
}
