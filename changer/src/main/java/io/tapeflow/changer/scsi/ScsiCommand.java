package io.tapeflow.changer.scsi;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/** One SCSI command: the CDB, the data phase and a timeout. Immutable. */
public final class ScsiCommand {
  private final byte[] cdb;
  private final DataDirection direction;
  private final int dataInLength;
  private final byte[] dataOut;
  private final Duration timeout;

  private ScsiCommand(
      byte[] cdb, DataDirection direction, int dataInLength, byte[] dataOut, Duration timeout) {
    Objects.requireNonNull(cdb, "cdb");
    Objects.requireNonNull(timeout, "timeout");
    if (cdb.length < 6 || cdb.length > 16) {
      throw new IllegalArgumentException("a CDB is 6 to 16 bytes, got " + cdb.length);
    }
    if (dataInLength < 0) {
      throw new IllegalArgumentException("negative allocation length " + dataInLength);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.cdb = cdb.clone();
    this.direction = direction;
    this.dataInLength = dataInLength;
    this.dataOut = dataOut.clone();
    this.timeout = timeout;
  }

  /** A command with no data phase. */
  public static ScsiCommand noData(byte[] cdb, Duration timeout) {
    return new ScsiCommand(cdb, DataDirection.NONE, 0, new byte[0], timeout);
  }

  /** A command that reads up to {@code allocationLength} bytes from the device. */
  public static ScsiCommand dataIn(byte[] cdb, int allocationLength, Duration timeout) {
    return new ScsiCommand(cdb, DataDirection.FROM_DEVICE, allocationLength, new byte[0], timeout);
  }

  /** A command that sends {@code data} to the device. */
  public static ScsiCommand dataOut(byte[] cdb, byte[] data, Duration timeout) {
    return new ScsiCommand(cdb, DataDirection.TO_DEVICE, 0, data, timeout);
  }

  /** The CDB (a copy). */
  public byte[] cdb() {
    return cdb.clone();
  }

  /** The operation code, CDB byte 0. */
  public int opcode() {
    return cdb[0] & 0xFF;
  }

  public DataDirection direction() {
    return direction;
  }

  /** Bytes the host is ready to receive; 0 unless the direction is FROM_DEVICE. */
  public int dataInLength() {
    return dataInLength;
  }

  /** Bytes the command moves in its direction: the allocation length in, the data out, or 0. */
  public int transferLength() {
    return switch (direction) {
      case FROM_DEVICE -> dataInLength;
      case TO_DEVICE -> dataOut.length;
      case NONE -> 0;
    };
  }

  /**
   * A transport's code for this command's transfer: {@code none} when it moves no bytes, else the
   * code of its direction.
   */
  public int transferCode(int none, int fromDevice, int toDevice) {
    if (transferLength() == 0) {
      return none;
    }
    return direction == DataDirection.FROM_DEVICE ? fromDevice : toDevice;
  }

  /** The data to send (a copy); empty unless the direction is TO_DEVICE. */
  public byte[] dataOut() {
    return dataOut.clone();
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    StringBuilder hex = new StringBuilder();
    for (byte b : cdb) {
      hex.append(String.format("%02X ", b & 0xFF));
    }
    return "ScsiCommand[" + hex.toString().trim() + ", " + direction + ", " + dataInLength + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScsiCommand c
        && Arrays.equals(cdb, c.cdb)
        && direction == c.direction
        && dataInLength == c.dataInLength
        && Arrays.equals(dataOut, c.dataOut)
        && timeout.equals(c.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(cdb), direction, dataInLength, timeout);
  }
}
