package io.tapeflow.bacula.model;

import java.util.Locale;

/**
 * Bacula's VolStatus values (9.6). {@link #settable()} says whether {@code update volume
 * volstatus=} accepts it: Purged and Busy are refused by the Director.
 */
public enum VolStatus {
  APPEND("Append", true),
  FULL("Full", true),
  USED("Used", true),
  RECYCLE("Recycle", true),
  PURGED("Purged", false),
  ERROR("Error", true),
  ARCHIVE("Archive", true),
  READ_ONLY("Read-Only", true),
  DISABLED("Disabled", true),
  BUSY("Busy", false),
  CLEANING("Cleaning", true);

  private final String bacula;
  private final boolean settable;

  VolStatus(String bacula, boolean settable) {
    this.bacula = bacula;
    this.settable = settable;
  }

  /** The spelling Bacula prints and accepts. */
  public String bacula() {
    return bacula;
  }

  /** Whether {@code update volume=... volstatus=} accepts this value. */
  public boolean settable() {
    return settable;
  }

  /**
   * The status for Bacula's spelling, case-insensitively.
   *
   * @throws InvalidValueException for anything else
   */
  public static VolStatus fromBacula(String text) {
    for (VolStatus s : values()) {
      if (s.bacula.equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw new InvalidValueException(
        "volume status "
            + (text == null ? "(missing)" : Names.quote(text))
            + " is not one Bacula knows");
  }

  @Override
  public String toString() {
    return bacula;
  }

  /** Lower-case name, for messages. */
  public String lower() {
    return bacula.toLowerCase(Locale.ROOT);
  }
}
