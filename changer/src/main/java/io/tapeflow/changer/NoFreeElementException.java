package io.tapeflow.changer;

import java.util.Objects;

/**
 * A cartridge was to go into any free element of a type, and every element of that type is full
 * (seen in the inventory read under the lock). Nothing was moved. Not retryable as such: someone
 * has to free an element first.
 */
public final class NoFreeElementException extends DestinationFullException {
  private static final long serialVersionUID = 1L;

  private final ElementType type;

  /**
   * @param type the type of which no element is free
   * @param changer how messages name the changer
   */
  public NoFreeElementException(ElementType type, String changer) {
    super(
        "every "
            + Objects.requireNonNull(type, "type").label()
            + " of "
            + changer
            + " is full; nothing was moved: free one (run `tapeflow changer status`), then retry",
        null);
    this.type = type;
  }

  /** The type of which no element is free. */
  public ElementType type() {
    return type;
  }
}
