package io.tapeflow.changer;

/** No element of the library holds a cartridge with this barcode. Not retryable. */
public final class TapeNotFoundException extends ChangerException {
  private static final long serialVersionUID = 1L;

  private final String barcode;

  public TapeNotFoundException(String barcode, String changer) {
    super(
        "no element of "
            + changer
            + " holds a cartridge labelled "
            + barcode
            + "; run `tapeflow changer status` to see the library, or import the tape first");
    this.barcode = barcode;
  }

  public String barcode() {
    return barcode;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
