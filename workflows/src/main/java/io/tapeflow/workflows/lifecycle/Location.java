package io.tapeflow.workflows.lifecycle;

import java.util.Objects;

/**
 * Where a tape is, as far as tapeflow knows.
 *
 * @param kind what kind of place
 * @param address for {@link Kind#IE_SLOT}, {@link Kind#SLOT} and {@link Kind#DRIVE} the SMC element
 *     address, whoever reported the place (Bacula's slot numbers and drive indexes are converted by
 *     {@link LibraryLayout}); -1 when not known
 */
public record Location(Kind kind, int address) {

  /** The kinds of place a tape can be. */
  public enum Kind {
    /** Does not exist (not created yet, or deleted). */
    NONE,
    /** Exists at the gateway; its element is not known. */
    GATEWAY,
    /** An import/export element of the library. */
    IE_SLOT,
    /** A storage element of the library. */
    SLOT,
    /** A tape drive. */
    DRIVE,
    /** On the gateway's way to the shelf, or back. */
    TRANSIT,
    /** The Virtual Tape Shelf. */
    SHELF
  }

  public Location {
    Objects.requireNonNull(kind, "kind");
    if (address < -1 || address > 0xFFFF) {
      throw new IllegalArgumentException("element address out of range: " + address);
    }
    if (address != -1 && kind != Kind.IE_SLOT && kind != Kind.SLOT && kind != Kind.DRIVE) {
      throw new IllegalArgumentException(kind + " takes no address, got " + address);
    }
  }

  public static Location none() {
    return new Location(Kind.NONE, -1);
  }

  public static Location gateway() {
    return new Location(Kind.GATEWAY, -1);
  }

  public static Location ieSlot(int address) {
    return new Location(Kind.IE_SLOT, address);
  }

  public static Location slot(int address) {
    return new Location(Kind.SLOT, address);
  }

  public static Location drive(int address) {
    return new Location(Kind.DRIVE, address);
  }

  public static Location transit() {
    return new Location(Kind.TRANSIT, -1);
  }

  public static Location shelf() {
    return new Location(Kind.SHELF, -1);
  }

  /** Whether the tape is inside the library (I/E slot, storage slot or drive). */
  public boolean inLibrary() {
    return kind == Kind.IE_SLOT || kind == Kind.SLOT || kind == Kind.DRIVE;
  }

  /** A short text for people and for the {@code TapeLocation} search attribute. */
  public String describe() {
    String at = address >= 0 ? " " + address : "";
    return switch (kind) {
      case NONE -> "nowhere";
      case GATEWAY -> "gateway";
      case IE_SLOT -> "I/E slot" + at;
      case SLOT -> "slot" + at;
      case DRIVE -> "drive" + at;
      case TRANSIT -> "in transit";
      case SHELF -> "shelf";
    };
  }
}
