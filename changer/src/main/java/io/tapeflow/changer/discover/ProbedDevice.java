package io.tapeflow.changer.discover;

import java.util.Objects;
import java.util.Optional;

/**
 * A logical unit of a discovered target, as it answered INQUIRY.
 *
 * @param iqn the target's name
 * @param address the portal the target reported ({@code address:port}, no group tag): the kernel's
 *     {@code by-path} names use it
 * @param lun the logical unit number
 * @param role medium changer, tape drive or other
 * @param vendor INQUIRY vendor, trimmed
 * @param product INQUIRY product, trimmed
 * @param revision INQUIRY revision, trimmed
 * @param serial the VPD 80h unit serial number, trimmed; null when the device reports none
 * @param idSerial udev's {@code ID_SERIAL} for it; null when none
 * @param idScsiSerial udev's {@code ID_SCSI_SERIAL} for it; null when none
 */
public record ProbedDevice(
    String iqn,
    Portal address,
    int lun,
    DeviceRole role,
    String vendor,
    String product,
    String revision,
    String serial,
    String idSerial,
    String idScsiSerial) {

  public ProbedDevice {
    Objects.requireNonNull(iqn, "iqn");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(revision, "revision");
  }

  public Optional<String> serialNumber() {
    return Optional.ofNullable(serial);
  }

  /** For people: {@code IBM ULT3580-TD5 0106}. */
  public String describe() {
    return (vendor + " " + product + " " + revision).strip();
  }
}
