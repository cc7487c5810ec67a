package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import io.tapeflow.infra.emulator.library.LibrarySide;
import io.tapeflow.infra.emulator.library.LibrarySpec;
import io.tapeflow.infra.emulator.media.MediaDirectory;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;

/**
 * The emulated gateway: its persisted state, its library, media files and shelf, and the one lock
 * every operation and the lifecycle engine take. Opening it loads the state from the state
 * directory and starts the library with every tape where the state last saw it.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  final GatewaySettings settings;
  final Arns arns;
  final EmulatorState state;
  final LibrarySide library;
  final MediaDirectory media;
  final Shelf shelf;
  final Clock clock;
  final Path stagingDir;
  private final StateStore store;
  private final ReentrantLock lock = new ReentrantLock();

  private Gateway(
      GatewaySettings settings,
      EmulatorState state,
      StateStore store,
      LibrarySide library,
      MediaDirectory media,
      Shelf shelf,
      Clock clock,
      Path stagingDir) {
    this.settings = settings;
    this.arns = new Arns(Arns.REGION, Arns.ACCOUNT, state.gatewayId);
    this.state = state;
    this.store = store;
    this.library = library;
    this.media = media;
    this.shelf = shelf;
    this.clock = clock;
    this.stagingDir = stagingDir;
  }

  /**
   * Loads (or creates) the state under {@code stateDir} and starts the library from it: every tape
   * goes back to its element; tapes that were in drives are put into free storage elements and
   * moved into their drives, as an initiator would.
   *
   * @param librarySpec the library to start; its cartridges are replaced by the state's
   */
  public static Gateway open(
      Path stateDir,
      GatewaySettings settings,
      LibrarySpec librarySpec,
      LibrarySpec.Starter starter,
      MediaDirectory media,
      Shelf shelf,
      Clock clock) {
    StateStore store = new StateStore(stateDir);
    EmulatorState state = store.load().orElseGet(() -> fresh(clock.instant()));
    store.save(state);
    Restore restore = Restore.plan(state, librarySpec);
    LibrarySide library =
        starter.start(
            librarySpec
                .withCartridges(restore.cartridges())
                .withIqnPrefix(
                    "iqn.1997-05.com.amazon:" + state.gatewayId.toLowerCase(Locale.ROOT)));
    try {
      restore.loadDrives(library);
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
    Gateway g =
        new Gateway(
            settings, state, store, library, media, shelf, clock, stateDir.resolve("staging"));
    LOG.info(
        "gateway {} opened with {} tapes ({} in the library)",
        g.arns.gateway(),
        state.tapes.size(),
        restore.cartridges().size());
    return g;
  }

  private static EmulatorState fresh(Instant now) {
    EmulatorState s = new EmulatorState();
    s.gatewayId = "sgw-" + hex(8);
    s.gatewayCreated = now;
    return s;
  }

  /** Uppercase hex digits from a secure source (gateway and pool ids). */
  static String hex(int digits) {
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      b.append(Character.toUpperCase(Character.forDigit(r.nextInt(16), 16)));
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  /** The gateway's ARNs. */
  public Arns arns() {
    return arns;
  }

  /** The library's layout. */
  public LibraryLayout layout() {
    return library.layout();
  }

  /** The media directory. */
  public MediaDirectory media() {
    return media;
  }

  /** The shelf. */
  public Shelf shelf() {
    return shelf;
  }

  /** Runs {@code action} under the gateway lock. */
  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** Saves the state; call under the lock after every change. */
  void save() {
    store.save(state);
  }

  /** Fails with {@code GatewayNotFound} unless the ARN is this gateway's. */
  void requireGateway(String gatewayArn) {
    if (!arns.gateway().equals(gatewayArn)) {
      throw ApiException.invalidRequest(
          ErrorCode.GATEWAY_NOT_FOUND,
          "The specified gateway was not found: "
              + gatewayArn
              + " (this emulator serves "
              + arns.gateway()
              + ")");
    }
  }

  /** The live tape a tape ARN names, or {@code TapeCartridgeNotFound}. */
  TapeRecord requireTape(String tapeArn) {
    TapeRecord t = arns.barcodeOf(tapeArn).map(state.tapes::get).orElse(null);
    if (t == null) {
      throw ApiException.invalidRequest(
          ErrorCode.TAPE_CARTRIDGE_NOT_FOUND,
          "The specified tape was not found: " + tapeArn + "; list tapes with ListTapes");
    }
    return t;
  }

  /** Bytes of data a tape holds now. */
  long usedBytes(TapeRecord t) {
    return t.phase.inVtl() && t.phase != Phase.RETRIEVING && t.phase != Phase.CREATING
        ? media.size(t.barcode)
        : t.usedBytes;
  }

  /** Takes a tape's data off the gateway: its data file and the library's image. */
  void dropLocalData(String barcode) {
    media.delete(barcode);
    dropLocalImage(barcode);
  }

  /** Deletes the library's image of a tape (stale, or about to be replaced). */
  void dropLocalImage(String barcode) {
    library
        .imageOf(barcode)
        .ifPresent(
            p -> {
              try {
                Files.deleteIfExists(p);
              } catch (IOException e) {
                LOG.warn("cannot delete the tape image {}: {}", p, e.getMessage());
              }
            });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      save();
    } finally {
      lock.unlock();
      library.close();
    }
  }

  /** Where the tapes go when the library is rebuilt from the state. */
  private record Restore(Map<Integer, String> cartridges, Map<Integer, Integer> driveLoads) {

    static Restore plan(EmulatorState state, LibrarySpec spec) {
      Map<Integer, String> cartridges = new HashMap<>();
      Map<Integer, Integer> loads = new HashMap<>();
      Set<Integer> taken = new HashSet<>();
      for (TapeRecord t : state.tapes.values()) {
        if (t.inLibrary() && t.elementType != ElementType.DRIVE) {
          taken.add(t.elementAddress);
        }
      }
      for (TapeRecord t : state.tapes.values()) {
        if (!t.inLibrary()) {
          continue;
        }
        t.elementSource = null;
        t.sourceSeen = false;
        if (t.elementType == ElementType.STORAGE || t.elementType == ElementType.IMPORT_EXPORT) {
          cartridges.put(t.elementAddress, t.barcode);
          continue;
        }
        // In a drive (or the robot): stage it in a free storage element, then move it back.
        int slot = freeStorage(spec, taken);
        taken.add(slot);
        cartridges.put(slot, t.barcode);
        if (t.elementType == ElementType.DRIVE) {
          loads.put(slot, t.elementAddress);
        } else {
          t.at(ElementType.STORAGE, slot, null);
        }
      }
      return new Restore(cartridges, loads);
    }

    private static int freeStorage(LibrarySpec spec, Set<Integer> taken) {
      for (int i = 0; i < spec.slots(); i++) {
        int a = LibrarySpec.STORAGE_FIRST + i;
        if (!taken.contains(a)) {
          return a;
        }
      }
      throw new IllegalStateException(
          "no free storage element to put a drive's tape back; start with more --slots");
    }

    void loadDrives(LibrarySide library) {
      driveLoads.forEach(library::move);
    }
  }
}
