package io.tapeflow.changer;

/**
 * What the device answered when it refused a command: the status byte and, with a CHECK CONDITION,
 * the sense key and additional sense code and qualifier.
 *
 * @param status the SCSI status byte (02h CHECK CONDITION, 08h BUSY, ...)
 * @param senseKey the sense key (0 to 15), or -1 when no sense came with the status
 * @param asc the additional sense code, or -1 when the device did not report one
 * @param ascq the additional sense code qualifier, or -1 when the device did not report one
 */
public record ScsiCondition(int status, int senseKey, int asc, int ascq) {

  /** A CHECK CONDITION with this sense. */
  public static ScsiCondition checkCondition(int senseKey, int asc, int ascq) {
    return new ScsiCondition(0x02, senseKey, asc, ascq);
  }

  /** True when the sense matches this key, ASC and ASCQ. */
  public boolean is(int key, int asc, int ascq) {
    return senseKey == key && this.asc == asc && this.ascq == ascq;
  }

  /** {@code KEY/ASC/ASCQ} in hex, as SCSI documents write it (e.g. {@code 05/3B/0E}). */
  @Override
  public String toString() {
    if (senseKey < 0) {
      return String.format("status %02Xh", status);
    }
    return String.format(
        "%02X/%s/%s",
        senseKey,
        asc < 0 ? "--" : String.format("%02X", asc),
        ascq < 0 ? "--" : String.format("%02X", ascq));
  }
}
