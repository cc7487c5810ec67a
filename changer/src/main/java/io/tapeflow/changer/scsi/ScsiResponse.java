package io.tapeflow.changer.scsi;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of a delivered command: status byte, data transferred, raw sense. Immutable. */
public final class ScsiResponse {

  public static final int GOOD = 0x00;
  public static final int CHECK_CONDITION = 0x02;
  public static final int CONDITION_MET = 0x04;
  public static final int BUSY = 0x08;
  public static final int RESERVATION_CONFLICT = 0x18;
  public static final int TASK_SET_FULL = 0x28;
  public static final int TASK_ABORTED = 0x40;

  private final int status;
  private final byte[] data;
  private final byte[] sense;

  private ScsiResponse(int status, byte[] data, byte[] sense) {
    this.status = status;
    this.data = Objects.requireNonNull(data, "data").clone();
    this.sense = Objects.requireNonNull(sense, "sense").clone();
  }

  /**
   * A response.
   *
   * @param status the SCSI status byte
   * @param data the bytes the device actually transferred (never more than asked for)
   * @param sense the raw sense bytes with a CHECK CONDITION, exactly as long as the device said;
   *     empty otherwise
   */
  public static ScsiResponse of(int status, byte[] data, byte[] sense) {
    return new ScsiResponse(status, data, sense);
  }

  public int status() {
    return status;
  }

  /** True for GOOD and CONDITION MET. */
  public boolean ok() {
    return status == GOOD || status == CONDITION_MET;
  }

  /** The data transferred (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** The raw sense bytes (a copy); empty unless status is CHECK CONDITION. */
  public byte[] sense() {
    return sense.clone();
  }

  @Override
  public String toString() {
    return String.format(
        "ScsiResponse[status=%02Xh, data=%d bytes, sense=%d bytes]",
        status, data.length, sense.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScsiResponse r
        && status == r.status
        && Arrays.equals(data, r.data)
        && Arrays.equals(sense, r.sense);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, Arrays.hashCode(data), Arrays.hashCode(sense));
  }
}
