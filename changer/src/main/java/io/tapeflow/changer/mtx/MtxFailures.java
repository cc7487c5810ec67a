package io.tapeflow.changer.mtx;

import io.tapeflow.changer.ChangerCommandException;
import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.DestinationFullException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.SourceEmptyException;
import io.tapeflow.changer.UnknownAddressException;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SenseData;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what a failed {@code mtx} run printed to tapeflow's typed failures. SCSI sense that mtx
 * prints ({@code mtx: Request Sense: …}) goes through {@link ScsiFailures}, like the SMC transport;
 * mtx's own checks (empty source, full destination, bad argument, device not openable) map here.
 */
public final class MtxFailures {
  private static final List<String> KEY_NAMES =
      List.of(
          "no sense",
          "recovered error",
          "not ready",
          "medium error",
          "hardware error",
          "illegal request",
          "unit attention",
          "data protect",
          "blank check",
          "0x09",
          "0x0a",
          "aborted command",
          "0x0c",
          "volume overflow",
          "miscompare",
          "0x0f");
  private static final Pattern SENSE_KEY = Pattern.compile("Request Sense: Sense Key=(.+)");
  private static final Pattern ASC =
      Pattern.compile("Request Sense: Additional Sense Code = ([0-9A-Fa-f]{2})");
  private static final Pattern ASCQ =
      Pattern.compile("Request Sense: Additional Sense Qualifier = ([0-9A-Fa-f]{2})");

  private MtxFailures() {}

  /**
   * The failure for a run that exited non-zero.
   *
   * @param ctx the changer, the command line, and for moves the elements involved
   */
  public static ChangerException of(MtxRunner.Result result, ScsiFailures.Context ctx) {
    String out = result.output();
    Matcher key = SENSE_KEY.matcher(out);
    if (key.find()) {
      int k = KEY_NAMES.indexOf(key.group(1).strip().toLowerCase(Locale.ROOT));
      Matcher asc = ASC.matcher(out);
      Matcher ascq = ASCQ.matcher(out);
      SenseData sense =
          SenseData.of(
              k,
              asc.find() ? Integer.parseInt(asc.group(1), 16) : -1,
              ascq.find() ? Integer.parseInt(ascq.group(1), 16) : -1);
      return ScsiFailures.fromSense(sense, 0x02, ctx);
    }
    if (out.contains("is Empty")) {
      return SourceEmptyException.at(location(ctx.source()), ctx.changer(), null);
    }
    if (out.contains("is Already Full") || out.matches("(?s).*Drive \\d+ Full \\(.*")) {
      Element d = ctx.destination();
      return DestinationFullException.at(
          location(d), d == null ? null : d.barcode(), ctx.changer(), null);
    }
    if (out.contains("Invalid <") || out.contains("illegal <")) {
      return new UnknownAddressException(
          ctx.changer()
              + " refused "
              + ctx.command()
              + ": "
              + lastLine(out)
              + "; run `tapeflow changer status` to see mtx's slot and drive numbers");
    }
    if (out.contains("cannot open SCSI device") || out.contains("is not an sg device")) {
      return new ScsiTransportException(
          ctx.changer()
              + ": "
              + lastLine(out)
              + "; check the device path of the mtx: URI (and that this user may open it)",
          false);
    }
    return new ChangerCommandException(
        ctx.changer()
            + ": "
            + ctx.command()
            + " failed (mtx exit "
            + result.exitCode()
            + "): "
            + lastLine(out),
        null,
        false);
  }

  private static io.tapeflow.changer.ElementAddress location(Element e) {
    return e == null ? null : e.location();
  }

  private static String lastLine(String out) {
    List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }
}
