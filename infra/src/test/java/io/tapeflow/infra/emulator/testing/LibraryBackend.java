package io.tapeflow.infra.emulator.testing;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.testing.RepoRoot;
import io.tapeflow.infra.emulator.ChangerAccess;
import io.tapeflow.infra.emulator.library.InMemoryFakeLibrary;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import io.tapeflow.infra.emulator.library.LibrarySide;
import io.tapeflow.infra.emulator.library.LibrarySpec;
import io.tapeflow.infra.emulator.library.TgtLibrary;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which library the harness runs the emulator on: the real tgt library (the default, and what every
 * acceptance test runs on), or, with {@code -Dtapeflow.emulator.library=fake}, the in-memory fake
 * for a quick loop while changing gateway logic.
 */
public enum LibraryBackend {
  /** A private tgtd through infra/bin/vtl; the initiator is the changer module over libiscsi. */
  TGT {
    @Override
    LibrarySide start(LibrarySpec spec, Path dir) {
      return TgtLibrary.start(
          spec, RepoRoot.find().resolve("infra/bin/vtl"), ChangerAccess.opener(locks(dir)));
    }

    @Override
    Initiator initiator(LibrarySide library, LibraryLayout layout, Path dir) {
      MediumChanger changer = ChangerAccess.open(ChangerUri.parse(layout.changerUri()), locks(dir));
      return new Initiator() {
        @Override
        public Inventory inventory() {
          return changer.inventory();
        }

        @Override
        public void move(int from, int to) {
          changer.move(from, to);
        }

        @Override
        public void close() {
          changer.close();
        }
      };
    }
  },

  /** The in-memory fake; the initiator moves in it directly. */
  FAKE {
    @Override
    LibrarySide start(LibrarySpec spec, Path dir) {
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

  abstract LibrarySide start(LibrarySpec spec, Path dir);

  abstract Initiator initiator(LibrarySide library, LibraryLayout layout, Path dir);

  private static Path locks(Path dir) {
    return dir.resolve("locks");
  }

  /** The backend the tests run on. */
  static LibraryBackend chosen() {
    String name = System.getProperty("tapeflow.emulator.library", "tgt");
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
