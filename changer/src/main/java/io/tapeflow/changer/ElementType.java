package io.tapeflow.changer;

/** SMC element types, with the element type codes READ ELEMENT STATUS uses. */
public enum ElementType {
  TRANSPORT(1, "transport"),
  STORAGE(2, "slot"),
  IMPORT_EXPORT(3, "I/E slot"),
  DRIVE(4, "drive");

  private final int code;
  private final String label;

  ElementType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** How messages name an element of this type: transport, slot, I/E slot, drive. */
  public String label() {
    return label;
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
