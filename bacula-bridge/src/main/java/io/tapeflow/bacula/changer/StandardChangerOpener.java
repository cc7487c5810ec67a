package io.tapeflow.bacula.changer;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.sg.SgIoTransport;
import java.nio.file.Path;

/**
 * Opens a changer from its URI the way tapeflow's own moves do, so the Changer Command takes the
 * same host-wide lock: {@code iscsi://...} through libiscsi, a device path through SG_IO, each
 * wrapped in {@link SmcMediumChanger} keyed by the device's identity.
 */
public final class StandardChangerOpener implements ChangerOpener {
  public static final StandardChangerOpener INSTANCE = new StandardChangerOpener();

  private StandardChangerOpener() {}

  @Override
  public MediumChanger open(String changerDevice, Path lockDir) {
    ChangerUri uri;
    try {
      uri = ChangerUri.parse(changerDevice);
    } catch (IllegalArgumentException e) {
      throw new ChangerProtocolException(
          "the Changer Device '"
              + changerDevice
              + "' is not a changer URI ("
              + e.getMessage()
              + "); set Changer Device to iscsi://HOST:PORT/IQN/LUN or a /dev/sgN path");
    }
    ScsiTransport transport =
        switch (uri.kind()) {
          case ISCSI ->
              IscsiTransport.open(
                  new IscsiEndpoint(
                      uri.host(),
                      uri.port(),
                      uri.targetIqn(),
                      uri.lun(),
                      uri.user().orElse(null),
                      uri.password().orElse(null)));
          case DEVICE -> SgIoTransport.open(uri.devicePath());
          case MTX ->
              throw new ChangerProtocolException(
                  "an mtx: changer cannot serve as Bacula's Changer Command device; use the changer's"
                      + " iscsi:// URI or /dev/sgN path");
        };
    try {
      return SmcMediumChanger.open(transport, uri, lockDir, SmcMediumChanger.Options.defaults());
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
