package io.tapeflow.infra.emulator;

import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;
import java.util.function.Function;

/** Opens the library's changer through the changer module, as any initiator does. */
final class ChangerAccess {
  private ChangerAccess() {}

  /** Opens changer URIs with host-wide locks under {@code lockDir}. */
  static Function<String, MediumChanger> opener(Path lockDir) {
    return uri -> {
      throw new UnsupportedOperationException(
          "opening "
              + uri
              + " needs the changer module's Changers.open (lock dir "
              + lockDir
              + ")");
    };
  }
}
