package io.tapeflow.infra.emulator;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Opens the library's changer through the changer module ({@link Changers#open}), as any initiator
 * does; moves take the host-wide changer lock under {@code lockDir}, shared with tapeflow and
 * Bacula's changer command.
 */
public final class ChangerAccess {
  private ChangerAccess() {}

  /** Opens changer URIs ({@code iscsi://host:port/iqn/lun}) with locks under {@code lockDir}. */
  public static Function<String, MediumChanger> opener(Path lockDir) {
    return text -> open(ChangerUri.parse(text), lockDir);
  }

  /** Opens one changer. */
  public static MediumChanger open(ChangerUri uri, Path lockDir) {
    return Changers.open(uri, lockDir);
  }
}
