package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.ElementType;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies between the gateway and the shelf, on a thread of their own so neither the API nor the
 * polling waits for S3: an exported tape's data file (and the library's image of it) goes up; a
 * retrieved tape's comes down into a staging directory, then into place when the tape is put back
 * into the library. A failed copy is retried after a pause; one copy per tape at a time.
 */
final class ShelfCopies implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShelfCopies.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Gateway g;
  private final ExecutorService io;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();
  private final Set<String> staged = ConcurrentHashMap.newKeySet();

  ShelfCopies(Gateway g) {
    this.g = g;
    this.io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gateway-emulator-shelf-io");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts uploading a tape in transit (if no copy of it runs); marks it uploaded when done. */
  void upload(String barcode, Instant now) {
    if (!claim(barcode, now)) {
      return;
    }
    Path data = g.media.dataFile(barcode);
    Optional<Path> image = g.library.imageOf(barcode);
    io.execute(
        () ->
            run(
                barcode,
                () -> {
                  if (!Files.exists(data)) {
                    g.media.create(barcode);
                  }
                  g.shelf.put(barcode, Shelf.DATA, data);
                  if (image.isPresent() && Files.exists(image.get())) {
                    g.shelf.put(barcode, Shelf.IMAGE, image.get());
                  }
                  g.<Void>locked(
                      () -> {
                        TapeRecord t = g.state.tapes.get(barcode);
                        if (t != null && t.phase == Phase.IN_TRANSIT) {
                          t.uploaded = true;
                          t.shelved = true;
                          g.save();
                        }
                        return null;
                      });
                }));
  }

  /** Whether a retrieving tape's data is staged; starts downloading it when not. */
  boolean staged(String barcode, Instant now) {
    if (staged.contains(barcode)) {
      return true;
    }
    if (claim(barcode, now)) {
      io.execute(
          () ->
              run(
                  barcode,
                  () -> {
                    Files.createDirectories(g.stagingDir);
                    if (!g.shelf.get(barcode, Shelf.DATA, stagedFile(barcode, Shelf.DATA))) {
                      LOG.warn("the shelf has no data for tape {}; it comes back empty", barcode);
                    }
                    g.shelf.get(barcode, Shelf.IMAGE, stagedFile(barcode, Shelf.IMAGE));
                    staged.add(barcode);
                  }));
    }
    return false;
  }

  /**
   * Puts a retrieved tape back: its staged data becomes its (read-only) data file, the library gets
   * the cartridge in {@code address}, and the staged image replaces the blank one.
   */
  void placeRetrieved(TapeRecord t, int address) {
    try {
      Path data = stagedFile(t.barcode, Shelf.DATA);
      Path image = stagedFile(t.barcode, Shelf.IMAGE);
      g.media.delete(t.barcode);
      if (Files.exists(data)) {
        Files.move(data, g.media.dataFile(t.barcode), StandardCopyOption.REPLACE_EXISTING);
      } else {
        g.media.create(t.barcode);
      }
      g.media.setWritable(t.barcode, false);
      g.dropLocalImage(t.barcode);
      g.library.place(t.barcode, address);
      Optional<Path> target = g.library.imageOf(t.barcode);
      if (target.isPresent() && Files.exists(image)) {
        Files.move(image, target.get(), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(image);
    } catch (IOException e) {
      throw new IllegalStateException("cannot put retrieved tape " + t.barcode + " in place", e);
    }
    staged.remove(t.barcode);
    t.at(ElementType.IMPORT_EXPORT, address, null);
  }

  /** Forgets a staged download (the retrieval was cancelled). */
  void unstage(String barcode) {
    staged.remove(barcode);
    try {
      Files.deleteIfExists(stagedFile(barcode, Shelf.DATA));
      Files.deleteIfExists(stagedFile(barcode, Shelf.IMAGE));
    } catch (IOException e) {
      LOG.warn("cannot delete staged files of {}: {}", barcode, e.getMessage());
    }
  }

  private Path stagedFile(String barcode, String part) {
    return g.stagingDir.resolve(barcode + "." + part);
  }

  private boolean claim(String barcode, Instant now) {
    Instant retry = retryAt.get(barcode);
    if (retry != null && now.isBefore(retry)) {
      return false;
    }
    return running.add(barcode);
  }

  private void run(String barcode, Copy copy) {
    try {
      copy.run();
      retryAt.remove(barcode);
    } catch (IOException | RuntimeException e) {
      if (io.isShutdown()) {
        LOG.debug("shelf copy of tape {} stopped with the emulator: {}", barcode, e.toString());
        return; // picked up again after a restart: the state says what is left to copy
      }
      LOG.warn("shelf copy of tape {} failed, retrying: {}", barcode, e.toString());
      retryAt.put(barcode, g.clock.instant().plus(RETRY));
    } finally {
      running.remove(barcode);
    }
  }

  @Override
  public void close() {
    io.shutdownNow();
    try {
      io.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Copy {
    void run() throws IOException;
  }
}
