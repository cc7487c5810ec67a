package io.tapeflow.activities.bacula;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.model.DeviceStatus;
import io.tapeflow.bacula.model.DriveContent;
import io.tapeflow.bacula.model.LibrarySlots;
import io.tapeflow.bacula.model.SlotContent;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolumeJob;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.bacula.parse.CatalogRows;
import io.tapeflow.workflows.bacula.JobOnVolume;
import io.tapeflow.workflows.bacula.VolumeInfo;
import io.tapeflow.workflows.common.Failures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * bacula-bridge's typed catalog values mapped to the records of the activity contracts; catalog
 * times are the director's local time, turned into instants with its zone here.
 */
final class CatalogViews {
  private final ZoneId catalogZone;

  CatalogViews(ZoneId catalogZone) {
    this.catalogZone = catalogZone;
  }

  /** The jobs of a volume, for the workflows. */
  List<JobOnVolume> jobs(List<VolumeJob> onVolume) {
    List<JobOnVolume> jobs = new ArrayList<>();
    for (VolumeJob j : onVolume) {
      jobs.add(
          new JobOnVolume(
              j.job().value(),
              j.name(),
              j.client(),
              j.level(),
              j.bytes(),
              j.files(),
              j.endTime().map(this::instant).orElse(null)));
    }
    return jobs;
  }

  /** The Bacula slot of a volume the storage shows in a storage slot or a drive. */
  static int baculaSlot(LibrarySlots slots, String volume, String storage) {
    for (SlotContent s : slots.slots()) {
      if (!s.importExport() && volume.equals(s.volume())) {
        return s.slot();
      }
    }
    for (DriveContent d : slots.drives()) {
      if (volume.equals(d.volume()) && d.slot() > 0) {
        return d.slot();
      }
    }
    throw Failures.of(
        Failures.TAPE_NOT_FOUND,
        "storage "
            + storage
            + " shows no tape "
            + volume
            + " in a storage slot or drive: import it first (tapeflow imports new tapes before"
            + " labelling them)");
  }

  /** The drive the storage daemon has this volume in, or null. */
  static Integer driveHolding(BaculaConsole c, StorageName storage, String volume) {
    List<DeviceStatus> devices = c.storageStatus(storage);
    for (int i = 0; i < devices.size(); i++) {
      if (volume.equals(devices.get(i).volume())) {
        return i;
      }
    }
    return null;
  }

  /** A catalog record as the workflows see it. */
  VolumeInfo info(VolumeRecord v, String previous, Integer drive) {
    return new VolumeInfo(
        v.name().value(),
        v.status().bacula(),
        previous,
        v.field("PoolId").orElse(null),
        v.slot(),
        v.inChanger(),
        drive,
        v.bytes(),
        (int) v.volJobs(),
        v.field("LastWritten").flatMap(CatalogRows::timestamp).map(this::instant).orElse(null),
        v.field("VolRetention").map(CatalogRows::seconds).orElse(null));
  }

  /** The volume's record; a typed failure when the catalog has none. */
  static VolumeRecord require(BaculaConsole c, VolumeName v) {
    return c.volume(v)
        .orElseThrow(
            () ->
                Failures.of(
                    Failures.VOLUME_NOT_FOUND,
                    "Bacula's catalog has no volume "
                        + v
                        + ": was it labelled? (bconsole: list volumes)"));
  }

  /** A catalog time (the director's local time) as an instant. */
  private Instant instant(LocalDateTime catalogTime) {
    return catalogTime.atZone(catalogZone).toInstant();
  }
}
