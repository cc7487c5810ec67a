package io.tapeflow.worker.cli.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.changer.discover.DeviceRole;
import io.tapeflow.changer.discover.DiscoveredLibrary;
import io.tapeflow.changer.discover.LibraryDrive;
import io.tapeflow.changer.discover.MatchedBy;
import io.tapeflow.changer.discover.Portal;
import io.tapeflow.changer.discover.ProbedDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryReportTest {
  private static final Portal PORTAL = new Portal("10.0.0.5", 3260);
  private static final String IQN = "iqn.1997-05.com.amazon:sgw-1234abcd";

  private static final ProbedDevice CHANGER =
      new ProbedDevice(
          IQN + "-mediachanger",
          PORTAL,
          0,
          DeviceRole.MEDIUM_CHANGER,
          "AWS",
          "Gateway-VTL",
          "0100",
          "CHG1",
          "3600a",
          "CHG1");
  private static final ProbedDevice DRIVE =
      new ProbedDevice(
          IQN + "-tapedrive-01",
          PORTAL,
          0,
          DeviceRole.TAPE_DRIVE,
          "IBM",
          "ULT3580-TD5",
          "0106",
          null,
          null,
          null);

  private static final DiscoveredLibrary LIBRARY =
      new DiscoveredLibrary(
          PORTAL,
          List.of(CHANGER, DRIVE),
          CHANGER,
          "iscsi://10.0.0.5:3260/" + IQN + "-mediachanger/0",
          List.of(
              new LibraryDrive(0, 10000, null, DRIVE, MatchedBy.TARGET_NAME),
              new LibraryDrive(1, 10001, null, null, MatchedBy.NONE)),
          List.of("drive element 10001 could not be tied to a target of the portal"));

  @Test
  void text_driveWithoutSerialOrTarget_saysSoAndKeepsTheByPathName() {
    String text = DiscoveryReport.text(LIBRARY);

    assertThat(text)
        .contains("IBM ULT3580-TD5 0106, no serial number (matched by target name)")
        .contains("/dev/tape/by-path/ip-10.0.0.5:3260-iscsi-" + IQN + "-tapedrive-01-lun-0-nst")
        .contains("10001  no target found")
        .contains("Warnings:\n  drive element 10001 could not be tied");
    assertThat(text).doesNotContain("by-id/scsi-null");
  }

  @Test
  void json_unmatchedDrive_hasItsElementAndNoDeviceFields() throws Exception {
    JsonNode root = new ObjectMapper().readTree(DiscoveryReport.json(LIBRARY));

    assertThat(root.path("changer").path("byId").asText()).isEqualTo("/dev/tape/by-id/scsi-CHG1");
    JsonNode unmatched = root.path("drives").get(1);
    assertThat(unmatched.path("matchedBy").asText()).isEqualTo("NONE");
    assertThat(unmatched.has("iqn")).isFalse();
    assertThat(root.path("drives").get(0).path("byId").isNull()).isTrue();
    assertThat(root.path("iscsiadm").get(0).asText())
        .isEqualTo("iscsiadm -m discovery -t sendtargets -p 10.0.0.5:3260");
  }
}
