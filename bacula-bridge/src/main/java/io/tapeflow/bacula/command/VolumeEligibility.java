package io.tapeflow.bacula.command;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.VolumeName;
import java.util.Objects;

/**
 * The caller's statement that a volume may be purged or deleted, and why. {@code purge} and {@code
 * delete volume} are refused without one naming the same volume, and the bridge then checks the
 * catalog too (see {@link io.tapeflow.bacula.BaculaConsole#purgeVolume}): the statement is the
 * caller taking responsibility for the policy side (tapeflow's retention, AWS minimum storage
 * duration, retention locks, dry runs), the catalog check covers Bacula's side.
 *
 * @param volume the volume the statement is about
 * @param reason why it is eligible, for the log and the audit trail (e.g. "retention ended
 *     2026-03-01; archived 200 days ago; policy expire-after-180d")
 */
public record VolumeEligibility(VolumeName volume, String reason) {

  public VolumeEligibility {
    Objects.requireNonNull(volume, "volume");
    if (reason == null || reason.isBlank()) {
      throw new InvalidValueException(
          "an eligibility statement for " + volume + " needs a reason (why may it be destroyed?)");
    }
  }

  /** States that {@code volume} may be purged or deleted, for {@code reason}. */
  public static VolumeEligibility stated(VolumeName volume, String reason) {
    return new VolumeEligibility(volume, reason);
  }
}
