package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * An element address as typed on the command line: {@code 20005}, or with its type, {@code slot:5},
 * {@code drive:0}, {@code ie:1601}, {@code transport:1} (needed with {@code mtx:} changers, whose
 * drive and slot numbers overlap).
 *
 * @param type the type given, or null for a plain number
 * @param number the address
 */
record Address(ElementType type, int number) {
  private static final Map<String, ElementType> TYPES =
      Map.of(
          "drive", ElementType.DRIVE,
          "slot", ElementType.STORAGE,
          "storage", ElementType.STORAGE,
          "ie", ElementType.IMPORT_EXPORT,
          "import-export", ElementType.IMPORT_EXPORT,
          "transport", ElementType.TRANSPORT);

  /** The typed form, resolving a plain number against an inventory. */
  ElementAddress in(Inventory inventory) {
    return type == null ? inventory.resolve(number).location() : new ElementAddress(type, number);
  }

  @Override
  public String toString() {
    return type == null ? Integer.toString(number) : new ElementAddress(type, number).toString();
  }

  /** picocli converter: a clear message for anything else. */
  static final class Converter implements CommandLine.ITypeConverter<Address> {
    @Override
    public Address convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      ElementType type = null;
      int colon = v.indexOf(':');
      if (colon >= 0) {
        type = TYPES.get(v.substring(0, colon));
        if (type == null) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' names no element type; use drive:N, slot:N, ie:N or transport:N");
        }
        v = v.substring(colon + 1);
      }
      if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not an element address (a number 0..65535, optionally typed as"
                + " drive:N, slot:N, ie:N)");
      }
      int n = Integer.parseInt(v);
      if (n > 0xFFFF) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is out of range: element addresses are 0..65535");
      }
      return new Address(type, n);
    }
  }
}
