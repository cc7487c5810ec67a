package io.tapeflow.changer;

/** SMC element types, with the element type codes READ ELEMENT STATUS uses. */
public enum ElementType {
  TRANSPORT(1),
  STORAGE(2),
  IMPORT_EXPORT(3),
  DRIVE(4);

  private final int code;

  ElementType(int code) {
    this.code = code;
  }

  /** The SMC element type code (1 to 4). */
  public int code() {
    return code;
  }

  /**
   * The type for an SMC element type code.
   *
   * @throws IllegalArgumentException if the code is not 1 to 4
   */
  public static ElementType ofCode(int code) {
    for (ElementType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown SMC element type code " + code);
  }
}
