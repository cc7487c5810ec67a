package io.tapeflow.bacula.changer;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;

/**
 * Opens a changer from its URI exactly as tapeflow's own moves do ({@link Changers#open}), so the
 * Changer Command takes the same host-wide lock, keyed by the device's identity.
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
    return Changers.open(uri, lockDir);
  }
}
