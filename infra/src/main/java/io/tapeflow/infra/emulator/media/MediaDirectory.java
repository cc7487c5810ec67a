package io.tapeflow.infra.emulator.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tapes' data as plain files, for tests and demos only: each tape's data is {@code
 * DIR/<barcode>}, and the tape in drive k (0-based, in drive address order) is reachable as the
 * symlink {@code DIR/drive-<k>}. Bacula's storage daemon uses {@code DIR/drive-<k>} as a File-type
 * Archive Device in place of a real {@code /dev/nst} drive. The data file travels to the shelf and
 * back with the tape.
 */
public final class MediaDirectory {
  private final Path root;

  /** Uses (and creates) {@code root}. */
  public MediaDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the media directory " + this.root, e);
    }
  }

  /** The directory. */
  public Path root() {
    return root;
  }

  /** The data file of a tape. */
  public Path dataFile(String barcode) {
    return root.resolve(barcode);
  }

  /** The link for drive k. */
  public Path driveLink(int index) {
    return root.resolve("drive-" + index);
  }

  /** Creates an empty, writable data file for a new tape (keeps one that exists). */
  public void create(String barcode) {
    Path f = dataFile(barcode);
    try {
      if (!Files.exists(f)) {
        Files.createFile(f);
      }
      setWritable(barcode, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data file " + f, e);
    }
  }

  /** Removes a tape's data file (it left the gateway for the shelf, or was deleted). */
  public void delete(String barcode) {
    try {
      Files.deleteIfExists(dataFile(barcode));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the data file " + dataFile(barcode), e);
    }
  }

  /** Size of a tape's data in bytes (0 when there is no file). */
  public long size(String barcode) {
    try {
      Path f = dataFile(barcode);
      return Files.exists(f) ? Files.size(f) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  /**
   * Makes a data file writable or read-only (a RETRIEVED tape is write-protected). Root ignores
   * file modes, so this protects only against non-root writers.
   */
  public void setWritable(String barcode, boolean writable) {
    Path f = dataFile(barcode);
    if (!Files.exists(f)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(
          f, PosixFilePermissions.fromString(writable ? "rw-rw-r--" : "r--r--r--"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot change the mode of " + f + ": " + e.getMessage(), e);
    }
  }

  /**
   * Points {@code drive-<k>} at the data file of the tape in drive k, or removes the link when the
   * drive is empty. A link is replaced atomically (a new link renamed over the old one) and only
   * when it changes.
   */
  public void linkDrives(List<Optional<String>> barcodeByDrive) {
    for (int k = 0; k < barcodeByDrive.size(); k++) {
      Path link = driveLink(k);
      Optional<String> barcode = barcodeByDrive.get(k);
      try {
        Path current = Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : null;
        if (barcode.isEmpty()) {
          if (current != null || Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(link);
          }
          continue;
        }
        Path target = Path.of(barcode.get()); // relative: the directory can move
        if (Objects.equals(current, target)) {
          continue;
        }
        Path temp = root.resolve(".drive-" + k + ".new");
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, target);
        try {
          Files.move(
              temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, link, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update the drive link " + link, e);
      }
    }
  }
}
