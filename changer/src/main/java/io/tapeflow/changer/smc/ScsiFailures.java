package io.tapeflow.changer.smc;

import io.tapeflow.changer.ChangerCommandException;
import io.tapeflow.changer.ChangerHardwareException;
import io.tapeflow.changer.ChangerNotReadyException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.IllegalRequestException;
import io.tapeflow.changer.MediumRemovalPreventedException;
import io.tapeflow.changer.ScsiCondition;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.UnitAttentionException;
import io.tapeflow.changer.scsi.ScsiResponse;

/**
 * The one place where SCSI status and sense become tapeflow's typed changer failures. The SMC
 * changer calls it with the device's answer; the {@code mtx} transport calls it with the sense
 * {@code mtx} printed.
 */
public final class ScsiFailures {
  private ScsiFailures() {}

  /**
   * What was being done when a command failed, for the messages.
   *
   * @param changer the changer, as its {@code describe()} says
   * @param command the command, e.g. {@code MOVE MEDIUM slot 20001 -> drive 10000}
   * @param source the source element of a move as the inventory showed it, or null
   * @param destination the destination element of a move, or null
   */
  public record Context(String changer, String command, Element source, Element destination) {
    /** A context for a command that is not a move. */
    public static Context of(String changer, String command) {
      return new Context(changer, command, null, null);
    }
  }

  /** The failure for a response whose status is not GOOD. */
  public static ChangerCommandException of(ScsiResponse response, Context ctx) {
    int status = response.status();
    if (status == ScsiResponse.CHECK_CONDITION) {
      return fromSense(SenseData.decode(response.sense()), status, ctx);
    }
    ScsiCondition c = new ScsiCondition(status, -1, -1, -1);
    return switch (status) {
      case ScsiResponse.BUSY, ScsiResponse.TASK_SET_FULL, ScsiResponse.TASK_ABORTED ->
          new ChangerCommandException(
              ctx.changer()
                  + " did not run "
                  + ctx.command()
                  + ": "
                  + statusName(status)
                  + "; retry in a moment",
              c,
              true);
      case ScsiResponse.RESERVATION_CONFLICT ->
          new ChangerCommandException(
              ctx.changer()
                  + " refused "
                  + ctx.command()
                  + ": RESERVATION CONFLICT, another initiator holds a reservation; release it"
                  + " on the host that holds it, then retry",
              c,
              false);
      default ->
          new ChangerCommandException(
              ctx.changer()
                  + " answered "
                  + ctx.command()
                  + " with "
                  + statusName(status)
                  + "; check the library and its connection",
              c,
              false);
    };
  }

  /** The failure for sense data that came with {@code status} (normally CHECK CONDITION). */
  public static ChangerCommandException fromSense(SenseData sense, int status, Context ctx) {
    ScsiCondition c = sense.toCondition(status);
    int key = sense.senseKey();
    int asc = sense.asc();
    int ascq = sense.ascq();
    String said = ctx.changer() + " answered " + ctx.command() + " with " + sense.describe();
    if (asc == 0x3B && ascq == 0x0E) {
      return SourceEmptyException.at(location(ctx.source()), ctx.changer(), c);
    }
    if (asc == 0x3B && ascq == 0x0D) {
      Element d = ctx.destination();
      return DestinationFullException.at(
          location(d), d == null ? null : d.barcode(), ctx.changer(), c);
    }
    if (asc == 0x53 && (ascq == 0x02 || ascq == 0x03)) {
      return new MediumRemovalPreventedException(
          said
              + ": the cartridge in "
              + (ctx.source() == null ? "the source element" : ctx.source().location())
              + " is held (a drive still has it loaded, or an application prevents its removal);"
              + " unload the drive or have that application allow removal, then retry",
          c);
    }
    return switch (key) {
      case SenseData.NOT_READY -> notReady(sense, c, said);
      case SenseData.UNIT_ATTENTION ->
          new UnitAttentionException(
              said + "; the library changed or was reset: read the inventory again and retry", c);
      case SenseData.ILLEGAL_REQUEST -> new IllegalRequestException(illegal(sense, said), c);
      case SenseData.MEDIUM_ERROR, SenseData.HARDWARE_ERROR ->
          new ChangerHardwareException(
              said
                  + (asc == 0x15 && ascq == 0x01
                      ? "; the robot could not load the cartridge (a virtual library: its tape"
                          + " image may be missing). Check the library, then retry"
                      : "; the library or a drive failed. Check the library, then retry"),
              c);
      case SenseData.ABORTED_COMMAND ->
          new ChangerCommandException(said + "; the command was aborted, retry it", c, true);
      default ->
          new ChangerCommandException(
              said + "; tapeflow has no rule for this answer, check the library", c, false);
    };
  }

  private static ChangerNotReadyException notReady(SenseData s, ScsiCondition c, String said) {
    int asc = s.asc();
    int ascq = s.ascq();
    boolean operator = asc == 0x04 && (ascq == 0x03 || ascq == 0x12);
    boolean retryable = !operator && (asc == 0x04 || asc == 0x3E || asc == 0x08 || asc < 0);
    String hint =
        operator
            ? "; an operator has to act (door, magazine, offline library), then retry"
            : retryable ? "; retry in a moment" : "; check the library, then retry";
    return new ChangerNotReadyException(said + hint, c, retryable);
  }

  private static String illegal(SenseData s, String said) {
    int code = (s.asc() << 8) | s.ascq();
    String hint =
        switch (code) {
          case 0x2101 ->
              "; an element address is not valid for this library, run `tapeflow changer status`"
                  + " to see its addresses";
          case 0x2000 -> "; the library does not implement this command";
          case 0x2400, 0x2600 -> "; a field of the command was refused";
          case 0x2500 -> "; the LUN is wrong, check the changer URI";
          default -> "; the request cannot succeed as it is";
        };
    if (s.fieldPointer().isPresent()) {
      hint +=
          " (the device points at "
              + (s.errorInCdb() ? "CDB" : "parameter")
              + " byte "
              + s.fieldPointer().getAsInt()
              + ")";
    }
    return said + hint;
  }

  private static ElementAddress location(Element e) {
    return e == null ? null : e.location();
  }

  private static String statusName(int status) {
    return switch (status) {
      case ScsiResponse.BUSY -> "status BUSY";
      case ScsiResponse.TASK_SET_FULL -> "status TASK SET FULL";
      case ScsiResponse.TASK_ABORTED -> "status TASK ABORTED";
      case ScsiResponse.RESERVATION_CONFLICT -> "status RESERVATION CONFLICT";
      default -> String.format("status %02Xh", status);
    };
  }
}
