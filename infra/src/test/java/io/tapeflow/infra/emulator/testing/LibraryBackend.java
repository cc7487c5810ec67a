package io.tapeflow.infra.emulator.testing;

import io.tapeflow.changer.Inventory;
import io.tapeflow.infra.emulator.library.InMemoryFakeLibrary;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import io.tapeflow.infra.emulator.library.LibrarySide;
import io.tapeflow.infra.emulator.library.LibrarySpec;
import java.nio.file.Path;

/** Which library the harness runs the emulator on. */
public enum LibraryBackend {
  /** The in-memory fake (unit-level tests only). */
  FAKE {
    @Override
    LibrarySide start(LibrarySpec spec) {
      return InMemoryFakeLibrary.start(spec);
    }

    @Override
    Initiator initiator(LibrarySide library, LibraryLayout layout, Path dir) {
      return new Initiator() {
        @Override
        public Inventory inventory() {
          return library.inventory();
        }

        @Override
        public void move(int from, int to) {
          library.move(from, to);
        }

        @Override
        public void close() {}
      };
    }
  };

  abstract LibrarySide start(LibrarySpec spec);

  abstract Initiator initiator(LibrarySide library, LibraryLayout layout, Path dir);

  /** The backend the tests run on. */
  static LibraryBackend chosen() {
    return FAKE;
  }
}
