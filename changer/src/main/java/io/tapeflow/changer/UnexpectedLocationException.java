package io.tapeflow.changer;

/**
 * A cartridge is somewhere other than where the caller believed it was (and not already at the
 * destination): it was moved behind tapeflow's back. Nothing was moved. Not retryable: someone has
 * to decide which position is right.
 */
public final class UnexpectedLocationException extends ChangerException {
  private static final long serialVersionUID = 1L;

  private final String barcode;
  private final ElementAddress expected;
  private final ElementAddress actual;

  public UnexpectedLocationException(
      String barcode, ElementAddress expected, ElementAddress actual, String changer) {
    super(
        barcode
            + " was expected in "
            + expected
            + " but "
            + changer
            + " shows it in "
            + actual
            + "; nothing was moved: find out who moved it (run `tapeflow changer status`), then"
            + " retry from "
            + actual);
    this.barcode = barcode;
    this.expected = expected;
    this.actual = actual;
  }

  public String barcode() {
    return barcode;
  }

  /** Where the caller believed the cartridge was. */
  public ElementAddress expected() {
    return expected;
  }

  /** Where the library shows it. */
  public ElementAddress actual() {
    return actual;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
