package io.tapeflow.infra.emulator;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Opens the library's changer through the changer module over iSCSI (libiscsi), as any initiator
 * does; moves take the host-wide changer lock under {@code lockDir}, shared with tapeflow and
 * Bacula's changer command.
 */
public final class ChangerAccess {
  private ChangerAccess() {}

  /** Opens {@code iscsi://host:port/iqn/lun} changer URIs with locks under {@code lockDir}. */
  public static Function<String, MediumChanger> opener(Path lockDir) {
    return text -> open(ChangerUri.parse(text), lockDir);
  }

  /** Opens one changer. */
  public static MediumChanger open(ChangerUri uri, Path lockDir) {
    IscsiTransport transport =
        IscsiTransport.open(IscsiEndpoint.of(uri.host(), uri.port(), uri.targetIqn(), uri.lun()));
    try {
      return SmcMediumChanger.open(transport, uri, lockDir, SmcMediumChanger.Options.defaults());
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
