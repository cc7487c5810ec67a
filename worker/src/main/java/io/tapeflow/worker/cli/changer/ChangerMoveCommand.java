package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.Barcodes;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.MediumChanger.MoveOutcome;
import io.tapeflow.changer.MediumChanger.Placement;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tapeflow changer move}: one idempotent, validated move. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    description = {
      "Move one cartridge, under the host-wide changer lock, after reading the library:",
      "  --from ADDR --to ADDR      move what is in ADDR (it must be full, the target empty)",
      "  --barcode BC --to ADDR     move that tape wherever it is; nothing happens if it is",
      "                             already there",
      "  --to-free storage|ie|drive instead of --to: the lowest free element of that type,",
      "                             chosen under the lock",
      "ADDR is an element address (20005) or typed (slot:5, drive:0, ie:1601), which mtx:",
      "changers need since their drive and slot numbers overlap."
    })
final class ChangerMoveCommand implements Callable<Integer> {
  @ParentCommand ChangerCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ChangerTarget target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  static final class What {
    @Option(
        names = "--from",
        paramLabel = "ADDR",
        converter = Address.Converter.class,
        description = "The element to empty.")
    Address from;

    @Option(
        names = "--barcode",
        paramLabel = "BC",
        converter = BarcodeConverter.class,
        description = "The tape to move, wherever it is.")
    String barcode;
  }

  static final class Where {
    @Option(
        names = "--to",
        paramLabel = "ADDR",
        converter = Address.Converter.class,
        description = "The destination element.")
    Address to;

    @Option(
        names = "--to-free",
        paramLabel = "TYPE",
        converter = TypeConverter.class,
        description = "The lowest free element of this type: storage, ie or drive.")
    ElementType toFree;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (MediumChanger changer = parent.open(target)) {
      if (what.barcode != null) {
        moveTape(changer, what.barcode, out);
      } else {
        moveFrom(changer, out);
      }
    }
    out.flush();
    return 0;
  }

  private void moveTape(MediumChanger changer, String barcode, PrintWriter out) {
    if (where.toFree != null) {
      Placement p = changer.ensureIn(barcode, where.toFree);
      out.println(
          p.outcome() == MoveOutcome.MOVED
              ? "moved " + barcode + " to " + p.element()
              : barcode + " is already in " + p.element() + "; nothing moved");
      return;
    }
    MoveOutcome o =
        where.to.type() == null
            ? changer.ensureAt(barcode, where.to.number())
            : changer.ensureAt(barcode, new ElementAddress(where.to.type(), where.to.number()));
    out.println(
        o == MoveOutcome.MOVED
            ? "moved " + barcode + " to " + where.to
            : barcode + " is already in " + where.to + "; nothing moved");
  }

  private void moveFrom(MediumChanger changer, PrintWriter out) {
    Address from = what.from;
    if (where.toFree != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--to-free needs --barcode (the tape to place); with --from, give --to ADDR");
    }
    Address to = where.to;
    if (from.type() == null && to.type() == null) {
      changer.move(from.number(), to.number());
    } else {
      Inventory inv = changer.inventory();
      changer.move(from.in(inv), to.in(inv));
    }
    out.println("moved " + from + " to " + to);
  }

  /** Barcodes are checked when parsed: a bad one is a usage error and nothing is opened. */
  static final class BarcodeConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Barcodes.requireValid(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** storage | slot | ie | import-export | drive. */
  static final class TypeConverter implements CommandLine.ITypeConverter<ElementType> {
    @Override
    public ElementType convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "storage", "slot" -> ElementType.STORAGE;
        case "ie", "import-export" -> ElementType.IMPORT_EXPORT;
        case "drive" -> ElementType.DRIVE;
        default ->
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not an element type to move into: storage, ie or drive");
      };
    }
  }
}
