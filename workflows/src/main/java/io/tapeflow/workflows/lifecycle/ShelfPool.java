package io.tapeflow.workflows.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * A tape pool of the Virtual Tape Shelf: one of the two standard pools, whose id is their storage
 * class, or a custom pool, whose class only the gateway knows ({@code ListTapePools}); its name
 * says nothing about it.
 *
 * @param id {@code GLACIER}, {@code DEEP_ARCHIVE} or a custom pool's id
 */
public record ShelfPool(String id) {

  public ShelfPool {
    Objects.requireNonNull(id, "id");
  }

  public static ShelfPool of(String id) {
    return new ShelfPool(id);
  }

  /** Whether this is one of the two standard pools. */
  public boolean standard() {
    return StorageClass.parse(id) != null;
  }

  /** The storage class of a standard pool; empty for a custom pool (ask the gateway). */
  public Optional<StorageClass> standardClass() {
    return Optional.ofNullable(StorageClass.parse(id));
  }
}
