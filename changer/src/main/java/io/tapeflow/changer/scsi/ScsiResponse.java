package io.tapeflow.changer.scsi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of a delivered command: status byte, data transferred, raw sense. Immutable: it owns
 * copies of its bytes, and hands them out as copies ({@link #data()}) or as a read-only view
 * ({@link #dataView()}), so nothing a caller does can change it.
 */
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

  private static final byte[] EMPTY = new byte[0];

  /** Takes ownership of {@code data} and {@code sense}: callers pass arrays nobody else holds. */
  private ScsiResponse(int status, byte[] data, byte[] sense) {
    this.status = status;
    this.data = data;
    this.sense = sense;
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
    return new ScsiResponse(
        status,
        copy(Objects.requireNonNull(data, "data")),
        copy(Objects.requireNonNull(sense, "sense")));
  }

  /**
   * A response whose data is copied, once, from the remaining bytes of {@code data}: a transport
   * passes a view of its own (e.g. native) receive buffer, which it may reuse as soon as this
   * returns. The position of {@code data} is not changed.
   */
  public static ScsiResponse of(int status, ByteBuffer data, byte[] sense) {
    Objects.requireNonNull(data, "data");
    byte[] owned = data.remaining() == 0 ? EMPTY : new byte[data.remaining()];
    data.get(data.position(), owned);
    return new ScsiResponse(status, owned, copy(Objects.requireNonNull(sense, "sense")));
  }

  private static byte[] copy(byte[] b) {
    return b.length == 0 ? EMPTY : b.clone();
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

  /**
   * The data transferred as a read-only view, without a copy: positioned at 0, its limit the number
   * of bytes transferred. Decoders of large answers (an inventory's element status) read this one.
   */
  public ByteBuffer dataView() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** How many bytes were transferred. */
  public int dataLength() {
    return data.length;
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
