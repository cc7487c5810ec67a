package io.tapeflow.changer.testing;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A transport that replays a fixed script: each command must carry the expected opcode and gets the
 * scripted response. For exact fault sequences a real device cannot be made to produce; a command
 * beyond the script or with another opcode fails the test.
 */
public final class ScriptedFakeTransport implements ScsiTransport {
  private record Step(int opcode, ScsiResponse response) {}

  private final Deque<Step> script = new ArrayDeque<>();
  private final List<ScsiCommand> received = new ArrayList<>();

  /** Expects a command with {@code opcode} next and answers it with {@code response}. */
  public synchronized ScriptedFakeTransport then(int opcode, ScsiResponse response) {
    script.add(new Step(opcode, response));
    return this;
  }

  /** Expects a command with {@code opcode} and answers GOOD with {@code data}. */
  public ScriptedFakeTransport thenGood(int opcode, byte[] data) {
    return then(opcode, ScsiResponse.of(ScsiResponse.GOOD, data, new byte[0]));
  }

  @Override
  public synchronized ScsiResponse execute(ScsiCommand command) {
    received.add(command);
    Step s = script.poll();
    if (s == null) {
      throw new AssertionError("unscripted command " + command);
    }
    if (s.opcode() != command.opcode()) {
      throw new AssertionError(String.format("expected opcode %02Xh, got %s", s.opcode(), command));
    }
    return s.response();
  }

  /** Commands received so far. */
  public synchronized List<ScsiCommand> received() {
    return List.copyOf(received);
  }

  /** True when every scripted step was used. */
  public synchronized boolean finished() {
    return script.isEmpty();
  }

  @Override
  public String describe() {
    return "scripted fake transport";
  }

  @Override
  public void close() {}
}
