package io.tapeflow.bacula.changer;

import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;

/**
 * Opens the changer a Changer Device string ({@code %c}) names, with the host-wide lock directory.
 */
@FunctionalInterface
public interface ChangerOpener {
  MediumChanger open(String changerDevice, Path lockDir);
}
