package io.tapeflow.worker.cli.changer;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;

/** Opens the changer a URI names; the CLI's one seam to the transports (tests pass their own). */
@FunctionalInterface
public interface ChangerOpener {
  MediumChanger open(ChangerUri uri, Path lockDirectory);
}
