package io.tapeflow.changer.smc;

import io.tapeflow.changer.ScsiCondition;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decoded sense data, fixed (70h/71h) or descriptor (72h/73h) format (SPC-4 §4.5). Only the bytes
 * the device said it returned are read; fields it did not deliver read as -1 or empty. Sense that
 * cannot be parsed keeps its raw bytes and reports {@link Format#UNPARSEABLE}. Immutable.
 */
public final class SenseData {

  /** The sense data format. */
  public enum Format {
    /** No sense bytes at all. */
    NONE,
    FIXED,
    DESCRIPTOR,
    /** Response code 7Fh: vendor-specific layout. */
    VENDOR,
    UNPARSEABLE
  }

  public static final int NO_SENSE = 0x0;
  public static final int RECOVERED_ERROR = 0x1;
  public static final int NOT_READY = 0x2;
  public static final int MEDIUM_ERROR = 0x3;
  public static final int HARDWARE_ERROR = 0x4;
  public static final int ILLEGAL_REQUEST = 0x5;
  public static final int UNIT_ATTENTION = 0x6;
  public static final int DATA_PROTECT = 0x7;
  public static final int ABORTED_COMMAND = 0xB;

  private static final String[] KEY_NAMES = {
    "NO SENSE", "RECOVERED ERROR", "NOT READY", "MEDIUM ERROR",
    "HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT",
    "BLANK CHECK", "VENDOR SPECIFIC", "COPY ABORTED", "ABORTED COMMAND",
    "RESERVED (0Ch)", "VOLUME OVERFLOW", "MISCOMPARE", "COMPLETED"
  };

  private final byte[] raw;
  private final Format format;
  private final boolean deferred;
  private final int senseKey;
  private final int asc;
  private final int ascq;
  private final Long information;
  private final byte[] senseKeySpecific;
  private final boolean filemark;
  private final boolean endOfMedium;
  private final boolean incorrectLength;

  SenseData(
      byte[] raw,
      Format format,
      boolean deferred,
      int senseKey,
      int asc,
      int ascq,
      Long information,
      byte[] senseKeySpecific,
      boolean filemark,
      boolean endOfMedium,
      boolean incorrectLength) {
    this.raw = raw.clone();
    this.format = format;
    this.deferred = deferred;
    this.senseKey = senseKey;
    this.asc = asc;
    this.ascq = ascq;
    this.information = information;
    this.senseKeySpecific = senseKeySpecific == null ? null : senseKeySpecific.clone();
    this.filemark = filemark;
    this.endOfMedium = endOfMedium;
    this.incorrectLength = incorrectLength;
  }

  /** Sense built from a key and ASC/ASCQ reported elsewhere (e.g. printed by {@code mtx}). */
  public static SenseData of(int senseKey, int asc, int ascq) {
    return new SenseData(
        new byte[0], Format.FIXED, false, senseKey, asc, ascq, null, null, false, false, false);
  }

  /**
   * Decodes sense bytes.
   *
   * @param sense exactly the bytes the device returned (SG_IO {@code sb_len_wr}, the iSCSI sense
   *     length), not a whole buffer
   */
  public static SenseData decode(byte[] sense) {
    return SenseDecoder.decode(sense);
  }

  public Format format() {
    return format;
  }

  /** True for deferred errors (71h/73h): about an earlier command, not this one. */
  public boolean deferred() {
    return deferred;
  }

  /** The sense key, or -1 when unknown. */
  public int senseKey() {
    return senseKey;
  }

  /** The additional sense code, or -1 when not delivered. */
  public int asc() {
    return asc;
  }

  /** The additional sense code qualifier, or -1 when not delivered. */
  public int ascq() {
    return ascq;
  }

  /** The INFORMATION field, when the device marked it valid. */
  public OptionalLong information() {
    return information == null ? OptionalLong.empty() : OptionalLong.of(information);
  }

  /** True when a valid (SKSV) sense-key-specific field was delivered. */
  public boolean senseKeySpecificValid() {
    return senseKeySpecific != null;
  }

  /**
   * For ILLEGAL REQUEST with SKSV: the byte number of the field in error (in the CDB when {@link
   * #errorInCdb()}, else in the parameter data).
   */
  public OptionalInt fieldPointer() {
    return senseKeySpecific != null && senseKey == ILLEGAL_REQUEST
        ? OptionalInt.of(Bytes.u16(senseKeySpecific, 1))
        : OptionalInt.empty();
  }

  /** For ILLEGAL REQUEST with SKSV: C/D, the error is in the CDB. */
  public boolean errorInCdb() {
    return senseKeySpecific != null
        && senseKey == ILLEGAL_REQUEST
        && (senseKeySpecific[0] & 0x40) != 0;
  }

  /** For ILLEGAL REQUEST with SKSV and BPV: the bit in error within the byte. */
  public OptionalInt bitPointer() {
    return senseKeySpecific != null
            && senseKey == ILLEGAL_REQUEST
            && (senseKeySpecific[0] & 0x08) != 0
        ? OptionalInt.of(senseKeySpecific[0] & 0x07)
        : OptionalInt.empty();
  }

  /** For NOT READY or NO SENSE with SKSV: progress of the operation, 0..65535 of 65536. */
  public OptionalInt progress() {
    return senseKeySpecific != null && (senseKey == NOT_READY || senseKey == NO_SENSE)
        ? OptionalInt.of(Bytes.u16(senseKeySpecific, 1))
        : OptionalInt.empty();
  }

  public boolean filemark() {
    return filemark;
  }

  public boolean endOfMedium() {
    return endOfMedium;
  }

  public boolean incorrectLength() {
    return incorrectLength;
  }

  /** The bytes decoded (cut to the length the sense itself declares). */
  public byte[] raw() {
    return raw.clone();
  }

  /** True when this is exactly key/ASC/ASCQ. */
  public boolean is(int key, int asc, int ascq) {
    return senseKey == key && this.asc == asc && this.ascq == ascq;
  }

  /** The condition for exceptions, with the given status byte. */
  public ScsiCondition toCondition(int status) {
    return new ScsiCondition(status, senseKey, asc, ascq);
  }

  /** The name of a sense key, e.g. {@code ILLEGAL REQUEST}. */
  public static String keyName(int key) {
    return key >= 0 && key < KEY_NAMES.length ? KEY_NAMES[key] : "unknown sense key";
  }

  /**
   * For messages: {@code ILLEGAL REQUEST 05/3B/0E (medium source element empty)}, or the raw bytes
   * when unparseable.
   */
  public String describe() {
    if (senseKey < 0) {
      return format == Format.NONE
          ? "no sense data"
          : "unparseable sense data " + Bytes.hex(raw, 0, raw.length);
    }
    String text = asc < 0 ? null : AdditionalSense.text(asc, ascq);
    return keyName(senseKey)
        + " "
        + toCondition(0x02)
        + (text == null ? "" : " (" + text + ")")
        + (deferred ? " [deferred]" : "");
  }

  @Override
  public String toString() {
    return "SenseData[" + format + ", " + describe() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SenseData s
        && Arrays.equals(raw, s.raw)
        && format == s.format
        && senseKey == s.senseKey
        && asc == s.asc
        && ascq == s.ascq;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(raw), format, senseKey, asc, ascq);
  }
}
