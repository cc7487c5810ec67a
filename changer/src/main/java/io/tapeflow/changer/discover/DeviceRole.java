package io.tapeflow.changer.discover;

import io.tapeflow.changer.smc.InquiryData;

/** What a logical unit is to tapeflow, from its INQUIRY peripheral device type. */
public enum DeviceRole {
  MEDIUM_CHANGER("medium changer"),
  TAPE_DRIVE("tape drive"),
  OTHER("other");

  private static final int SEQUENTIAL_ACCESS = 0x01;

  private final String label;

  DeviceRole(String label) {
    this.label = label;
  }

  /** For people: {@code medium changer}, {@code tape drive}, {@code other}. */
  public String label() {
    return label;
  }

  /** The role of a logical unit that answered INQUIRY with {@code data}. */
  public static DeviceRole of(InquiryData data) {
    if (data.peripheralQualifier() != 0) {
      return OTHER;
    }
    return switch (data.deviceType()) {
      case InquiryData.MEDIUM_CHANGER -> MEDIUM_CHANGER;
      case SEQUENTIAL_ACCESS -> TAPE_DRIVE;
      default -> OTHER;
    };
  }
}
