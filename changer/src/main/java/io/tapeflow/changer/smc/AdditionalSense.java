package io.tapeflow.changer.smc;

import java.util.Map;

/** Texts for the ASC/ASCQ values a changer and its drives commonly report (SPC-4 Annex F). */
public final class AdditionalSense {
  private static final Map<Integer, String> TEXT =
      Map.ofEntries(
          Map.entry(0x0400, "logical unit not ready, cause not reportable"),
          Map.entry(0x0401, "logical unit is in process of becoming ready"),
          Map.entry(0x0402, "logical unit not ready, initializing command required"),
          Map.entry(0x0403, "logical unit not ready, manual intervention required"),
          Map.entry(0x0407, "logical unit not ready, operation in progress"),
          Map.entry(0x0412, "logical unit not ready, offline"),
          Map.entry(0x0800, "logical unit communication failure"),
          Map.entry(0x0801, "logical unit communication time-out"),
          Map.entry(0x1501, "mechanical positioning error"),
          Map.entry(0x1A00, "parameter list length error"),
          Map.entry(0x2000, "invalid command operation code"),
          Map.entry(0x2101, "invalid element address"),
          Map.entry(0x2400, "invalid field in CDB"),
          Map.entry(0x2500, "logical unit not supported"),
          Map.entry(0x2600, "invalid field in parameter list"),
          Map.entry(0x2800, "not ready to ready change, medium may have changed"),
          Map.entry(0x2801, "import or export element accessed"),
          Map.entry(0x2803, "import/export element accessed, medium changed"),
          Map.entry(0x2900, "power on, reset, or bus device reset occurred"),
          Map.entry(0x2901, "power on occurred"),
          Map.entry(0x2902, "SCSI bus reset occurred"),
          Map.entry(0x2903, "bus device reset function occurred"),
          Map.entry(0x2904, "device internal reset"),
          Map.entry(0x2907, "I_T nexus loss occurred"),
          Map.entry(0x2A01, "mode parameters changed"),
          Map.entry(0x2A03, "reservations preempted"),
          Map.entry(0x3000, "incompatible medium installed"),
          Map.entry(0x3A00, "medium not present"),
          Map.entry(0x3B0D, "medium destination element full"),
          Map.entry(0x3B0E, "medium source element empty"),
          Map.entry(0x3B11, "medium magazine not accessible"),
          Map.entry(0x3B12, "medium magazine removed"),
          Map.entry(0x3B13, "medium magazine inserted"),
          Map.entry(0x3B16, "mechanical positioning or changer error"),
          Map.entry(0x3B18, "element disabled"),
          Map.entry(0x3B19, "element enabled"),
          Map.entry(0x3E00, "logical unit has not self-configured yet"),
          Map.entry(0x3F01, "microcode has been changed"),
          Map.entry(0x3F03, "inquiry data has changed"),
          Map.entry(0x3F0E, "reported LUNs data has changed"),
          Map.entry(0x4400, "internal target failure"),
          Map.entry(0x5300, "media load or eject failed"),
          Map.entry(0x5301, "unload tape failure"),
          Map.entry(0x5302, "medium removal prevented"),
          Map.entry(0x5303, "medium removal prevented by data transfer element"),
          Map.entry(0x5308, "element status unknown"),
          Map.entry(0x5A01, "operator medium removal request"));

  private AdditionalSense() {}

  /** The text for ASC/ASCQ, or null when it is not in the table. */
  public static String text(int asc, int ascq) {
    return TEXT.get((asc << 8) | ascq);
  }
}
