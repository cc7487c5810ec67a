package io.tapeflow.changer.smc;

import static io.tapeflow.changer.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ElementType;
import org.junit.jupiter.api.Test;

class SmcCommandsTest {

  @Test
  void readElementStatus_storageWithVolumeTags_matchesTheCapturedCdb() {
    ElementStatusRequest r =
        new ElementStatusRequest(ElementType.STORAGE, 20000, 2, true, false, false, 4096);

    assertThat(r.toCdb()).isEqualTo(bytes("B8 12 4E 20 00 02 00 00 10 00 00 00"));
  }

  @Test
  void readElementStatus_drivesWithDeviceIds_matchesTheCapturedCdb() {
    ElementStatusRequest r =
        new ElementStatusRequest(ElementType.DRIVE, 10000, 2, true, true, false, 4096);

    assertThat(r.toCdb()).isEqualTo(bytes("B8 14 27 10 00 02 01 00 10 00 00 00"));
  }

  @Test
  void readElementStatus_curdataAllTypesAndLargeAllocation_setsEveryField() {
    ElementStatusRequest r = new ElementStatusRequest(null, 1, 0xFFFF, false, true, true, 0x123456);

    assertThat(r.toCdb()).isEqualTo(bytes("B8 00 00 01 FF FF 03 12 34 56 00 00"));
  }

  @Test
  void readElementStatus_badArguments_areRefused() {
    assertThatThrownBy(
            () -> new ElementStatusRequest(ElementType.STORAGE, 0, 0, true, false, true, 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("number of elements");
    assertThatThrownBy(() -> ElementStatusRequest.ofType(ElementType.STORAGE, 0x10000, 64))
        .hasMessageContaining("starting element address");
    assertThatThrownBy(() -> ElementStatusRequest.ofType(ElementType.STORAGE, 0, 0x1000000))
        .hasMessageContaining("allocation length");
  }

  @Test
  void moveMedium_putsTransportSourceAndDestination() {
    assertThat(SmcCommands.moveMedium(1, 30000, 20005))
        .isEqualTo(bytes("A5 00 00 01 75 30 4E 25 00 00 00 00"));
  }

  @Test
  void inquiry_standardAndSerial() {
    assertThat(SmcCommands.inquiry(96)).isEqualTo(bytes("12 00 00 00 60 00"));
    assertThat(SmcCommands.unitSerialNumber(252)).isEqualTo(bytes("12 01 80 00 FC 00"));
  }

  @Test
  void modeSense_elementAddressPageWithoutBlockDescriptors() {
    assertThat(SmcCommands.modeSense6(0x1D, true, 255)).isEqualTo(bytes("1A 08 1D 00 FF 00"));
    assertThat(SmcCommands.modeSense10(0x1D, true, 1024))
        .isEqualTo(bytes("5A 08 1D 00 00 00 00 04 00 00"));
  }

  @Test
  void smallCommands() {
    assertThat(SmcCommands.testUnitReady()).isEqualTo(bytes("00 00 00 00 00 00"));
    assertThat(SmcCommands.initializeElementStatus()).isEqualTo(bytes("07 00 00 00 00 00"));
    assertThat(SmcCommands.requestSense(true, 252)).isEqualTo(bytes("03 01 00 00 FC 00"));
    assertThat(SmcCommands.requestSense(false, 252)).isEqualTo(bytes("03 00 00 00 FC 00"));
    assertThat(SmcCommands.preventAllowMediumRemoval(true)).isEqualTo(bytes("1E 00 00 00 01 00"));
    assertThat(SmcCommands.preventAllowMediumRemoval(false)).isEqualTo(bytes("1E 00 00 00 00 00"));
  }
}
