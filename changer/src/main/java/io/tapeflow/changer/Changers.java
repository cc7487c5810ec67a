package io.tapeflow.changer;

import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.mtx.MtxMediumChanger;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.sg.SgIoTransport;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link MediumChanger} a {@link ChangerUri} names: {@code iscsi://} through libiscsi and
 * a device path through Linux SG_IO (both speaking SMC-3 via {@link SmcMediumChanger}), {@code
 * mtx:} through the {@code mtx} program ({@link MtxMediumChanger}).
 *
 * <p>Whatever the URI, one changer gets one {@link ChangerLock} (DESIGN invariant 1): the lock is
 * keyed by the identity the device reports (INQUIRY, VPD 80h serial). For {@code mtx:}, which
 * cannot report it, that identity is read once over SG_IO from the same node before mtx is used.
 */
public final class Changers {
  private static final Logger log = LoggerFactory.getLogger(Changers.class);

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

  /**
   * Opens the changer; {@code options} apply to the SMC transports (iSCSI and SG_IO, including the
   * identification of an {@code mtx:} changer's node).
   */
  public static MediumChanger open(ChangerUri uri, Path lockDir, SmcMediumChanger.Options options) {
    return open(uri, lockDir, options, MtxMediumChanger.Options.defaults());
  }

  /** Opens the changer; {@code mtxOptions} apply to an {@code mtx:} changer. */
  public static MediumChanger open(
      ChangerUri uri,
      Path lockDir,
      SmcMediumChanger.Options options,
      MtxMediumChanger.Options mtxOptions) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(lockDir, "lockDir");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(mtxOptions, "mtxOptions");
    return switch (uri.kind()) {
      case ISCSI -> smc(IscsiTransport.open(endpoint(uri)), uri, lockDir, options);
      case DEVICE -> smc(SgIoTransport.open(uri.devicePath()), uri, lockDir, options);
      case MTX ->
          new MtxMediumChanger(
              uri, ChangerLock.forIdentity(lockDir, mtxIdentity(uri, options)), mtxOptions);
    };
  }

  /**
   * The lock identity of an {@code mtx:} changer: read over SG_IO from its node exactly as {@link
   * SmcMediumChanger} reads it, so that {@code mtx:/dev/sgN}, {@code /dev/sgN} and the gateway's
   * {@code iscsi://} URI share one lock. Only when the node cannot be asked (not an sg node, no
   * permission, no answer) is the lock keyed by the resolved path, with a warning saying why.
   *
   * @throws WrongDeviceException when the node answers that it is not a medium changer
   */
  static String mtxIdentity(ChangerUri uri, SmcMediumChanger.Options options) {
    try (SgIoTransport t = SgIoTransport.open(uri.devicePath())) {
      return SmcMediumChanger.identify(t, uri, options);
    } catch (WrongDeviceException e) {
      throw e;
    } catch (ChangerException e) {
      String key = ChangerLock.deviceIdentity(uri.devicePath());
      log.warn(
          "{}: cannot read the changer's identity over SG_IO ({}); its lock is keyed by the path"
              + " ({}), which other URIs of the same changer (iscsi://, the sg node) do not share:"
              + " give this user read-write access to the sg node, or drive the changer through"
              + " one URI only on this host",
          uri,
          e.getMessage(),
          key);
      return key;
    }
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
