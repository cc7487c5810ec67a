package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriveMatcherTest {
  private static final String PREFIX = "iqn.1997-05.com.amazon:sgw-1234abcd-tapedrive-";

  private static ProbedDevice drive(String number, String serial) {
    return new ProbedDevice(
        PREFIX + number,
        new Portal("10.0.0.5", 3260),
        0,
        DeviceRole.TAPE_DRIVE,
        "IBM",
        "ULT3580-TD5",
        "0106",
        serial,
        null,
        serial);
  }

  private static String id(String serial) {
    return String.format("%-8s%-16s%s", "IBM", "ULT3580-TD5", serial);
  }

  @Test
  void match_identifiersCarrySerials_tiesEachElementToItsSerialWhateverTheTargetName() {
    ProbedDevice a = drive("01", "SERA");
    ProbedDevice b = drive("02", "SERB");
    List<LibraryDrive> out =
        DriveMatcher.match(
            List.of(
                new DriveMatcher.Element(10000, id("SERB")),
                new DriveMatcher.Element(10001, id("SERA"))),
            List.of(a, b));

    assertThat(out).extracting(LibraryDrive::device).containsExactly(b, a);
    assertThat(out).extracting(LibraryDrive::matchedBy).containsOnly(MatchedBy.SERIAL);
    assertThat(out).extracting(LibraryDrive::index).containsExactly(0, 1);
  }

  @Test
  void match_identifierMissing_fallsBackToTheNumberTheTargetNameEndsIn() {
    ProbedDevice a = drive("01", "SERA");
    ProbedDevice b = drive("02", "SERB");
    List<LibraryDrive> out =
        DriveMatcher.match(
            List.of(
                new DriveMatcher.Element(10000, id("SERA")), new DriveMatcher.Element(10001, null)),
            List.of(b, a));

    assertThat(out.get(1).device()).isEqualTo(b);
    assertThat(out.get(1).matchedBy()).isEqualTo(MatchedBy.TARGET_NAME);
  }

  @Test
  void match_noSerialNoNumber_leavesTheElementUnmatched() {
    ProbedDevice odd =
        new ProbedDevice(
            "iqn.2004-01.org.example:drive",
            new Portal("h", 3260),
            0,
            DeviceRole.TAPE_DRIVE,
            "X",
            "Y",
            "1",
            null,
            null,
            null);
    List<LibraryDrive> out =
        DriveMatcher.match(List.of(new DriveMatcher.Element(500, null)), List.of(odd));

    assertThat(out.get(0).matchedBy()).isEqualTo(MatchedBy.NONE);
    assertThat(out.get(0).target()).isEmpty();
  }

  @Test
  void match_serialAlreadyTaken_isNotUsedTwiceByName() {
    ProbedDevice a = drive("01", "SERA");
    List<LibraryDrive> out =
        DriveMatcher.match(
            List.of(
                new DriveMatcher.Element(10000, null), new DriveMatcher.Element(10001, id("SERA"))),
            List.of(a));

    assertThat(out.get(1).device()).isEqualTo(a);
    assertThat(out.get(0).matchedBy()).isEqualTo(MatchedBy.NONE);
  }
}
