package io.tapeflow.changer.testing;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Forwards every command to a real transport and reports it to a shared {@link CommandLog}; can run
 * an action right before the next command with a given opcode (to change the library behind the
 * caller's back with a second, real session). Not a fake: the device answers every command.
 */
public final class RecordingTransport implements ScsiTransport {
  private final ScsiTransport delegate;
  private final CommandLog log;
  private final Map<Integer, Runnable> before = new HashMap<>();

  public RecordingTransport(ScsiTransport delegate, CommandLog log) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.log = Objects.requireNonNull(log, "log");
  }

  public RecordingTransport(ScsiTransport delegate) {
    this(delegate, new CommandLog());
  }

  public CommandLog log() {
    return log;
  }

  /** Runs {@code action} once, right before the next command with {@code opcode} is sent. */
  public synchronized void beforeNext(int opcode, Runnable action) {
    before.put(opcode, action);
  }

  @Override
  public ScsiResponse execute(ScsiCommand command) {
    Runnable hook;
    synchronized (this) {
      hook = before.remove(command.opcode());
    }
    if (hook != null) {
      hook.run();
    }
    log.started(command.opcode());
    try {
      return delegate.execute(command);
    } finally {
      log.ended(command.opcode());
    }
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /**
   * Every command of one or more transports, in order, with the thread that sent it. It also
   * watches "move windows": from a thread's first command after its last MOVE MEDIUM up to its next
   * MOVE MEDIUM, the inventory-then-move sequence a changer runs under its lock. A command of
   * another thread inside an open window is an interleaving.
   */
  public static final class CommandLog {
    private static final int MOVE_MEDIUM = 0xA5;

    /** One command as sent. */
    public record Entry(String thread, int opcode) {}

    private final List<Entry> entries = new ArrayList<>();
    private String windowOwner;
    private final List<String> interleavings = new ArrayList<>();

    synchronized void started(int opcode) {
      String me = Thread.currentThread().getName();
      entries.add(new Entry(me, opcode));
      if (windowOwner == null) {
        windowOwner = me;
      } else if (!windowOwner.equals(me)) {
        interleavings.add(
            String.format(
                "%s sent %02Xh inside the move window of %s (command %d)",
                me, opcode, windowOwner, entries.size()));
      }
    }

    synchronized void ended(int opcode) {
      if (opcode == MOVE_MEDIUM && Thread.currentThread().getName().equals(windowOwner)) {
        windowOwner = null;
      }
    }

    public synchronized List<Entry> entries() {
      return List.copyOf(entries);
    }

    /** How many commands with this opcode were sent. */
    public synchronized long count(int opcode) {
      return entries.stream().filter(e -> e.opcode() == opcode).count();
    }

    /** Commands sent so far (to take differences). */
    public synchronized int size() {
      return entries.size();
    }

    /** Every command another thread sent inside an open move window. */
    public synchronized List<String> interleavings() {
      return List.copyOf(interleavings);
    }

    public synchronized void clear() {
      entries.clear();
      interleavings.clear();
      windowOwner = null;
    }
  }
}
