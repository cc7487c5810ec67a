package io.tapeflow.changer.testing;

import io.tapeflow.changer.ChangerLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test helper run as a separate process: takes a changer lock, prints {@code locked}, and holds it
 * until its standard input is closed. Shows that the lock excludes other processes.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws IOException {
    ChangerLock lock = ChangerLock.forIdentity(Path.of(args[0]), args[1]);
    ChangerLock.Held held = lock.acquire();
    try (held) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our stdin
      }
    }
  }
}
