package io.tapeflow.changer;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.smc.InquiryData;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SmcCommands;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a device is: INQUIRY says whether it is a medium changer, and its vendor, product and VPD 80h
 * serial key its lock ({@link ChangerLock#identity(String, String, String, ChangerUri)}). Every way
 * of reaching one changer (iSCSI, its sg node, mtx on that node) reads the same identity, so takes
 * the same lock.
 */
final class SmcIdentity {
  private static final Logger log = LoggerFactory.getLogger(SmcIdentity.class);
  private static final int SERIAL_ALLOCATION = 252;

  private SmcIdentity() {}

  /**
   * The lock identity of the changer {@code runner} talks to.
   *
   * @param uri how it was reached: names it in messages and keys the lock when it has no serial
   * @throws WrongDeviceException when the device is not a medium changer
   */
  static String read(SmcCommandRunner runner, ChangerUri uri) {
    String where = uri.toString();
    InquiryData inquiry =
        InquiryData.decode(
            runner.data(
                ScsiCommand.dataIn(
                    SmcCommands.inquiry(InquiryData.ALLOCATION_LENGTH),
                    InquiryData.ALLOCATION_LENGTH,
                    runner.options().commandTimeout()),
                ScsiFailures.Context.of(where, "INQUIRY")));
    if (!inquiry.isMediumChanger()) {
      throw new WrongDeviceException(
          String.format(
              "%s is not a medium changer: INQUIRY reports peripheral type %02Xh%s (%s); %s",
              where,
              inquiry.deviceType(),
              inquiry.deviceType() == 0x01
                  ? " (a tape drive)"
                  : inquiry.deviceType() == 0x0C ? " (tgt's LUN 0 controller)" : "",
              inquiry.describe(),
              uri.kind() == ChangerUri.Kind.ISCSI
                  ? "check the target and LUN of the changer URI"
                  : "check the device path (`lsscsi -g` lists the changer's sg node)"));
    }
    String serial = serial(runner, where).orElse(null);
    return ChangerLock.identity(inquiry.vendor(), inquiry.product(), serial, uri);
  }

  private static Optional<String> serial(SmcCommandRunner runner, String where) {
    try {
      return InquiryData.decodeSerial(
          runner.data(
              ScsiCommand.dataIn(
                  SmcCommands.unitSerialNumber(SERIAL_ALLOCATION),
                  SERIAL_ALLOCATION,
                  runner.options().commandTimeout()),
              ScsiFailures.Context.of(where, "INQUIRY VPD 80h")));
    } catch (IllegalRequestException | MalformedResponseException e) {
      log.info(
          "{} reports no unit serial number ({}); its lock is keyed by its URI or device path",
          where,
          e.getMessage());
      return Optional.empty();
    }
  }
}
