package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelNamesTest {
  private static final ProbedDevice DRIVE =
      new ProbedDevice(
          "iqn.1997-05.com.amazon:sgw-1234abcd-tapedrive-01",
          new Portal("10.0.0.5", 3260),
          0,
          DeviceRole.TAPE_DRIVE,
          "IBM",
          "ULT3580-TD5",
          "0106",
          "1234567890",
          "35000000000000001",
          "1234567890");

  @Test
  void driveByPath_isTheIscsiPathOfTheNonRewindingNode() {
    assertThat(KernelNames.driveByPath(DRIVE))
        .isEqualTo(
            "/dev/tape/by-path/ip-10.0.0.5:3260-iscsi-"
                + "iqn.1997-05.com.amazon:sgw-1234abcd-tapedrive-01-lun-0-nst");
  }

  @Test
  void driveById_usesTheUnitSerialNotTheSharedDesignator() {
    assertThat(KernelNames.driveById(DRIVE)).contains("/dev/tape/by-id/scsi-1234567890-nst");
  }

  @Test
  void iscsiadmLines_discoverOnceThenLogInToEachTargetAndKeepIt() {
    assertThat(KernelNames.iscsiadmLines(new Portal("10.0.0.5", 3260), java.util.List.of(DRIVE)))
        .containsExactly(
            "iscsiadm -m discovery -t sendtargets -p 10.0.0.5:3260",
            "iscsiadm -m node -T iqn.1997-05.com.amazon:sgw-1234abcd-tapedrive-01 -p 10.0.0.5:3260"
                + " --login",
            "iscsiadm -m node -T iqn.1997-05.com.amazon:sgw-1234abcd-tapedrive-01 -p 10.0.0.5:3260"
                + " --op update -n node.startup -v automatic");
  }
}
