package io.tapeflow.changer.discover;

import java.util.Objects;
import java.util.Optional;

/**
 * A drive of the library, in element address order.
 *
 * @param index 0-based position in address order: Bacula's Drive Index and the changer command's
 *     drive number
 * @param elementAddress the data transfer element's address
 * @param deviceId the identifier the changer reports for it (DVCID), null when none
 * @param device the logical unit that is this drive, null when none could be tied to it
 * @param matchedBy how {@code device} was found
 */
public record LibraryDrive(
    int index, int elementAddress, String deviceId, ProbedDevice device, MatchedBy matchedBy) {

  public LibraryDrive {
    Objects.requireNonNull(matchedBy, "matchedBy");
    if ((device == null) != (matchedBy == MatchedBy.NONE)) {
      throw new IllegalArgumentException("a drive has a device exactly when it was matched");
    }
  }

  public Optional<ProbedDevice> target() {
    return Optional.ofNullable(device);
  }
}
