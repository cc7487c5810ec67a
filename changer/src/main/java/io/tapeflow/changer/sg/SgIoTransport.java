package io.tapeflow.changer.sg;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.scsi.SerialTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCSI commands through a Linux SCSI generic node ({@code /dev/sgN}) with the SG_IO ioctl, called
 * with JNA.
 *
 * <p>The path may be a persistent link such as {@code /dev/tape/by-id/...-changer}; it is resolved
 * when the node is opened, and again when the node has to be reopened after the device went away
 * (sgN numbers change when an iSCSI session logs in again). MOVE MEDIUM and READ ELEMENT STATUS
 * need root or CAP_SYS_RAWIO: the kernel's command filter refuses them otherwise.
 */
public final class SgIoTransport extends SerialTransport {
  private static final Logger log = LoggerFactory.getLogger(SgIoTransport.class);
  private static final int MIN_SG_VERSION = 30000;

  private final LibC libc;
  private final Path path;

  // Guarded by the transport's lock. The native buffers are reused by every command.
  private final Memory header = new Memory(SgIoHeader.SIZE);
  private final Memory cdbBuffer = new Memory(16);
  private final Memory sense = new Memory(SgIoHeader.SENSE_BUFFER);
  private int fd = -1;
  private Path openedNode;

  private SgIoTransport(LibC libc, Path path) {
    this.libc = libc;
    this.path = path;
  }

  /**
   * Opens the sg node at {@code path} (a symbolic link is followed) read-write and checks it speaks
   * SG_IO version 3.
   *
   * @throws ScsiTransportException if the path does not exist, cannot be opened, or is not an sg
   *     node
   */
  public static SgIoTransport open(Path path) {
    Objects.requireNonNull(path, "path");
    LibC libc;
    try {
      libc = LibC.load();
    } catch (UnsatisfiedLinkError e) {
      throw new ScsiTransportException("libc cannot be loaded through JNA: " + e, false, e);
    }
    SgIoTransport t = new SgIoTransport(libc, path);
    t.openNow();
    return t;
  }

  /** Opens the node unless it is open; reopens it after the device went away. */
  @Override
  protected void ensureOpen() {
    if (fd < 0) {
      openNode();
    }
  }

  private void openNode() {
    Path node;
    try {
      node = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ScsiTransportException(
          "no device " + path + ": check the changer path (ls -l /dev/tape/by-id, lsscsi -g)",
          false);
    } catch (IOException e) {
      throw new ScsiTransportException("cannot resolve " + path + ": " + e.getMessage(), false, e);
    }
    int handle = libc.open(node.toString(), LibC.O_RDWR);
    if (handle < 0) {
      int errno = Native.getLastError();
      String hint =
          errno == LibC.EACCES || errno == LibC.EPERM
              ? "; run as root or give this user read-write access to the node"
              : "";
      throw new ScsiTransportException(
          "cannot open " + describe(node) + ": " + errnoName(errno) + hint,
          errno == LibC.EBUSY || errno == LibC.EAGAIN || errno == LibC.EINTR);
    }
    Memory version = new Memory(4);
    version.setInt(0, 0);
    if (libc.ioctl(handle, new NativeLong(SgIoHeader.SG_GET_VERSION_NUM), version) < 0) {
      int errno = Native.getLastError();
      closeQuietly(handle);
      throw new ScsiTransportException(
          describe(node)
              + " is not a SCSI generic node ("
              + errnoName(errno)
              + " on SG_GET_VERSION_NUM); give a /dev/sgN node or its /dev/tape/by-id link",
          false);
    }
    int v = version.getInt(0);
    if (v < MIN_SG_VERSION) {
      closeQuietly(handle);
      throw new ScsiTransportException(
          describe(node) + " speaks sg version " + v + "; SG_IO needs 3.0 (30000) or later", false);
    }
    fd = handle;
    openedNode = node;
    log.debug("opened {} (sg {})", describe(node), v);
  }

  @Override
  protected ScsiResponse send(ScsiCommand command) {
    byte[] cdb = command.cdb();
    int length = command.transferLength();
    int dxferDirection =
        command.transferCode(
            SgIoHeader.SG_DXFER_NONE, SgIoHeader.SG_DXFER_FROM_DEV, SgIoHeader.SG_DXFER_TO_DEV);
    header.clear();
    cdbBuffer.write(0, cdb, 0, cdb.length);
    sense.clear();
    Memory buffer = length == 0 ? null : buffer(length);
    if (dxferDirection == SgIoHeader.SG_DXFER_TO_DEV) {
      buffer.write(0, command.dataOut(), 0, length);
    }
    long timeoutMs = Math.max(1, Math.min(0xFFFF_FFFEL, command.timeout().toMillis()));

    header.setInt(SgIoHeader.INTERFACE_ID, 'S');
    header.setInt(SgIoHeader.DXFER_DIRECTION, dxferDirection);
    header.setByte(SgIoHeader.CMD_LEN, (byte) cdb.length);
    header.setByte(SgIoHeader.MX_SB_LEN, (byte) SgIoHeader.SENSE_BUFFER);
    header.setShort(SgIoHeader.IOVEC_COUNT, (short) 0);
    header.setInt(SgIoHeader.DXFER_LEN, length);
    header.setPointer(SgIoHeader.DXFERP, buffer);
    header.setPointer(SgIoHeader.CMDP, cdbBuffer);
    header.setPointer(SgIoHeader.SBP, sense);
    header.setInt(SgIoHeader.TIMEOUT, (int) timeoutMs);
    header.setInt(SgIoHeader.FLAGS, 0);

    if (libc.ioctl(fd, new NativeLong(SgIoHeader.SG_IO), header) < 0) {
      throw ioctlFailure(command, Native.getLastError());
    }
    SgIoHeader.Outputs o = SgIoHeader.Outputs.read(header.getByteArray(0, SgIoHeader.SIZE));
    boolean in = dxferDirection == SgIoHeader.SG_DXFER_FROM_DEV;
    return SgIoHeader.evaluate(
        o,
        command,
        in ? length : 0,
        in ? bufferView() : ByteBuffer.allocate(0),
        sense.getByteArray(0, SgIoHeader.SENSE_BUFFER),
        describe());
  }

  /** Step 1 of the evaluation: the ioctl itself failed (a CHECK CONDITION never does). */
  private ScsiTransportException ioctlFailure(ScsiCommand command, int errno) {
    String what = command + " on " + describe() + ": SG_IO failed with " + errnoName(errno);
    return switch (errno) {
      case LibC.EPERM ->
          new ScsiTransportException(
              what
                  + "; the kernel allows opcode "
                  + String.format(Locale.ROOT, "%02Xh", command.opcode())
                  + " only to root or a process with CAP_SYS_RAWIO",
              false);
      case LibC.ENODEV, LibC.ENXIO -> {
        // The device went away (e.g. the iSCSI session was removed); reopen the link next time.
        closeQuietly(fd);
        fd = -1;
        yield new ScsiTransportException(
            what + "; the device is gone, the next command reopens " + path, true);
      }
      case LibC.EBUSY, LibC.EAGAIN, LibC.EINTR, LibC.ENOMEM ->
          new ScsiTransportException(what + "; retry later", true);
      case LibC.EIO ->
          new ScsiTransportException(
              what + "; the transfer may exceed the queue's limit (max_hw_sectors)", false);
      default -> new ScsiTransportException(what, false);
    };
  }

  private void closeQuietly(int handle) {
    if (libc.close(handle) < 0) {
      log.debug("close({}) failed: {}", handle, errnoName(Native.getLastError()));
    }
  }

  static String errnoName(int errno) {
    String name =
        switch (errno) {
          case LibC.EPERM -> "EPERM";
          case LibC.ENOENT -> "ENOENT";
          case LibC.EINTR -> "EINTR";
          case LibC.EIO -> "EIO";
          case LibC.ENXIO -> "ENXIO";
          case LibC.EAGAIN -> "EAGAIN";
          case LibC.ENOMEM -> "ENOMEM";
          case LibC.EACCES -> "EACCES";
          case LibC.EFAULT -> "EFAULT";
          case LibC.EBUSY -> "EBUSY";
          case LibC.ENODEV -> "ENODEV";
          case LibC.EINVAL -> "EINVAL";
          case LibC.ENOTTY -> "ENOTTY";
          case LibC.EMSGSIZE -> "EMSGSIZE";
          default -> "errno";
        };
    return name + " (" + errno + ")";
  }

  private String describe(Path node) {
    return node.equals(path) ? path.toString() : path + " (" + node + ")";
  }

  @Override
  public String describe() {
    return locked(() -> openedNode == null ? path.toString() : describe(openedNode));
  }

  /** Closes the node. */
  @Override
  protected void release() {
    if (fd >= 0) {
      closeQuietly(fd);
      fd = -1;
    }
  }

  @Override
  public String toString() {
    return "SgIoTransport[" + path + "]";
  }
}
