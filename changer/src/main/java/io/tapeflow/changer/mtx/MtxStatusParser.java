package io.tapeflow.changer.mtx;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code mtx status} output (mtx 1.3.12, reference scsi-smc.md §9.3):
 *
 * <pre>
 *   Storage Changer /dev/sg8:10 Drives, 3200 Slots ( 1600 Import/Export )
 * Data Transfer Element 0:Empty
 * Data Transfer Element 1:Full (Storage Element 18 Loaded):VolumeTag = TAP964B40
 * Data Transfer Element 2:Full (Unknown Storage Element Loaded):VolumeTag = TAP964B41
 *       Storage Element 1:Full :VolumeTag=TAP964B33
 *       Storage Element 2:Empty:VolumeTag=
 *       Storage Element 1601 IMPORT/EXPORT:Full :VolumeTag=TAP964B34
 * </pre>
 *
 * Both tag spellings ({@code VolumeTag = X} on drives, {@code VolumeTag=X} on slots), alternate
 * tags, the form without barcodes ({@code :Full } with its trailing space, {@code :Empty}), and
 * tags padded with spaces are accepted. Tags of empty elements are ignored. Any other line, a count
 * that disagrees with the header, or a repeated number is refused: the output cannot be trusted.
 */
public final class MtxStatusParser {
  private static final Pattern HEADER =
      Pattern.compile(
          "\\s*Storage Changer (.+):(\\d+) Drives, (\\d+) Slots \\( (\\d+) Import/Export \\)\\s*");
  private static final Pattern DRIVE =
      Pattern.compile(
          "Data Transfer Element (\\d+):(Empty|Full \\((?:Storage Element (\\d+)|Unknown Storage"
              + " Element) Loaded\\))(.*)");
  private static final Pattern SLOT =
      Pattern.compile("\\s+Storage Element (\\d+)( IMPORT/EXPORT)?:(Empty|Full ?)(.*)");
  private static final Pattern TAGS =
      Pattern.compile("(?::VolumeTag ?= ?(.*?))?(?::AlternateVolumeTag ?= ?(.*))?");
  private static final int MAX_NUMBER = 0xFFFF;

  private MtxStatusParser() {}

  /**
   * Parses the whole standard output of {@code mtx -f DEV status}.
   *
   * @throws MalformedResponseException naming the first line that does not fit
   */
  public static MtxStatus parse(String output) {
    List<String> lines = output.lines().toList();
    Matcher header = null;
    List<Element> elements = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int drives = 0;
    int slots = 0;
    int ie = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (header == null) {
        Matcher h = HEADER.matcher(line);
        if (!h.matches()) {
          throw malformed(i, line, "the first line is not mtx's 'Storage Changer' header");
        }
        header = h;
        continue;
      }
      Matcher d = DRIVE.matcher(line);
      if (d.matches()) {
        int n = number(d.group(1), i, line);
        boolean full = d.group(2).startsWith("Full");
        Integer source = d.group(3) == null ? null : number(d.group(3), i, line);
        String tag = tag(d.group(4), i, line);
        add(
            elements,
            seen,
            new Element(ElementType.DRIVE, n, full, full ? tag : null, full ? source : null),
            i,
            line);
        drives++;
        continue;
      }
      Matcher s = SLOT.matcher(line);
      if (s.matches()) {
        int n = number(s.group(1), i, line);
        boolean isIe = s.group(2) != null;
        boolean full = s.group(3).startsWith("Full");
        String tag = tag(s.group(4), i, line);
        add(
            elements,
            seen,
            new Element(
                isIe ? ElementType.IMPORT_EXPORT : ElementType.STORAGE,
                n,
                full,
                full ? tag : null,
                null),
            i,
            line);
        slots++;
        if (isIe) {
          ie++;
        }
        continue;
      }
      throw malformed(i, line, "it is not a drive or storage element line");
    }
    if (header == null) {
      throw new MalformedResponseException(
          "malformed mtx status output: no 'Storage Changer' header line (empty output?)");
    }
    int wantDrives = Integer.parseInt(header.group(2));
    int wantSlots = Integer.parseInt(header.group(3));
    int wantIe = Integer.parseInt(header.group(4));
    if (drives != wantDrives || slots != wantSlots || ie != wantIe) {
      throw new MalformedResponseException(
          String.format(
              "malformed mtx status output: the header announces %d drives, %d slots (%d"
                  + " import/export), the lines show %d, %d (%d)",
              wantDrives, wantSlots, wantIe, drives, slots, ie));
    }
    return new MtxStatus(header.group(1), drives, slots, ie, elements);
  }

  private static void add(List<Element> out, Set<String> seen, Element e, int i, String line) {
    String key = (e.type() == ElementType.DRIVE ? "d" : "s") + e.address();
    if (!seen.add(key)) {
      throw malformed(i, line, "the element number appears twice");
    }
    out.add(e);
  }

  private static int number(String digits, int i, String line) {
    if (digits.length() > 5 || Integer.parseInt(digits) > MAX_NUMBER) {
      throw malformed(i, line, "the element number is out of range");
    }
    return Integer.parseInt(digits);
  }

  /** The primary tag in the remainder of a line, trimmed; null when absent or blank. */
  private static String tag(String rest, int i, String line) {
    Matcher t = TAGS.matcher(rest);
    if (!t.matches()) {
      throw malformed(i, line, "the text after the element state is not a volume tag");
    }
    String primary = t.group(1) == null ? null : t.group(1).strip();
    if (primary == null || primary.isEmpty()) {
      return null;
    }
    for (int k = 0; k < primary.length(); k++) {
      char c = primary.charAt(k);
      if (c < 0x21 || c > 0x7E) {
        throw malformed(i, line, "the volume tag has a space or non-printable character inside");
      }
    }
    return primary;
  }

  private static MalformedResponseException malformed(int index, String line, String why) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
    return new MalformedResponseException(
        "malformed mtx status output at line " + (index + 1) + " ('" + shown + "'): " + why);
  }
}
