package io.tapeflow.infra.emulator.testing;

import io.tapeflow.changer.Inventory;

/** The backup software's side of the library in tests: reads element status and moves tapes. */
public interface Initiator extends AutoCloseable {
  Inventory inventory();

  void move(int from, int to);

  @Override
  void close();
}
