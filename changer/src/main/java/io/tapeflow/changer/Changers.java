package io.tapeflow.changer;

import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.mtx.MtxMediumChanger;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.sg.SgIoTransport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the {@link MediumChanger} a {@link ChangerUri} names: {@code iscsi://} through libiscsi and
 * a device path through Linux SG_IO (both speaking SMC-3 via {@link SmcMediumChanger}), {@code
 * mtx:} through the {@code mtx} program ({@link MtxMediumChanger}).
 */
public final class Changers {
  private Changers() {}

  /**
   * Opens the changer with default options.
   *
   * @param lockDir where the host-wide changer lock files live (see {@link
   *     ChangerLock#DEFAULT_DIRECTORY})
   * @throws io.tapeflow.changer.scsi.ScsiTransportException when the target or device cannot be
   *     reached
   * @throws WrongDeviceException when it is not a medium changer
   */
  public static MediumChanger open(ChangerUri uri, Path lockDir) {
    return open(uri, lockDir, SmcMediumChanger.Options.defaults());
  }

  /** Opens the changer; {@code options} apply to the SMC transports (iSCSI and SG_IO). */
  public static MediumChanger open(ChangerUri uri, Path lockDir, SmcMediumChanger.Options options) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(lockDir, "lockDir");
    Objects.requireNonNull(options, "options");
    return switch (uri.kind()) {
      case ISCSI -> smc(IscsiTransport.open(endpoint(uri)), uri, lockDir, options);
      case DEVICE -> smc(SgIoTransport.open(uri.devicePath()), uri, lockDir, options);
      case MTX -> MtxMediumChanger.open(uri, lockDir, MtxMediumChanger.Options.defaults());
    };
  }

  /** The iSCSI endpoint of an {@code iscsi://} URI. */
  public static IscsiEndpoint endpoint(ChangerUri uri) {
    if (uri.kind() != ChangerUri.Kind.ISCSI) {
      throw new IllegalArgumentException(uri + " is not an iscsi:// changer URI");
    }
    if (uri.user().isPresent() && uri.password().isEmpty()) {
      throw new IllegalArgumentException(
          "changer URI "
              + uri
              + " names the CHAP user "
              + uri.user().get()
              + " but no secret; write iscsi://user%secret@host:port/iqn/lun");
    }
    return new IscsiEndpoint(
        uri.host(),
        uri.port(),
        uri.targetIqn(),
        uri.lun(),
        uri.user().orElse(null),
        uri.password().orElse(null));
  }

  private static MediumChanger smc(
      ScsiTransport transport, ChangerUri uri, Path lockDir, SmcMediumChanger.Options options) {
    try {
      return SmcMediumChanger.open(transport, uri, lockDir, options);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
